package pl.gielda.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.audit.AuditDtos.AuditPage;
import pl.gielda.auth.CurrentCaller;

/** The organiser reads a fair's audit trail, newest first, and exports it. */
@Path("/api/fairs/{fairId}/audit")
@RolesAllowed("organiser")
public class AuditResource {

  private final AuditReader reader;
  private final CurrentCaller caller;

  AuditResource(AuditReader reader, CurrentCaller caller) {
    this.reader = reader;
    this.caller = caller;
  }

  @GET
  public Uni<AuditPage> page(
      @RestPath long fairId,
      @RestQuery @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
    return reader.page(caller.get(), fairId, page, size);
  }

  @GET
  @Path("/csv")
  @Produces("text/csv; charset=UTF-8")
  public Uni<RestResponse<byte[]>> csv(@RestPath long fairId) {
    return reader
        .all(caller.get(), fairId)
        .map(
            entries -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              try {
                AuditReader.csv(entries, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return RestResponse.ResponseBuilder.ok(out.toByteArray(), "text/csv; charset=UTF-8")
                  .header(
                      "Content-Disposition",
                      "attachment; filename=\"dziennik-audytu-" + fairId + ".csv\"")
                  .build();
            });
  }
}
