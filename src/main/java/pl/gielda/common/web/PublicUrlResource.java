package pl.gielda.common.web;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;

/** The address printed on badges and the join QR, and the hall addresses the console offers. */
@Path("/api/settings/public-url")
@RolesAllowed("organiser")
public class PublicUrlResource {

  public record PublicUrlView(
      String url, PublicUrl.Source source, boolean pointsAtLocalhost, List<String> candidates) {}

  public record PublicUrlInput(@NotBlank @Size(max = 300) String url) {}

  private final PublicUrl publicUrl;

  PublicUrlResource(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  @GET
  public PublicUrlView get() {
    return view();
  }

  @PUT
  public Uni<PublicUrlView> choose(@Valid @NotNull PublicUrlInput input) {
    return publicUrl.choose(input.url()).map(url -> view());
  }

  @DELETE
  public Uni<PublicUrlView> forget() {
    return publicUrl.forget().map(v -> view());
  }

  private PublicUrlView view() {
    return new PublicUrlView(
        publicUrl.base(),
        publicUrl.source(),
        publicUrl.pointsAtLocalhost(),
        publicUrl.pointsAtLocalhost() ? publicUrl.hallCandidates() : List.of());
  }
}
