package pl.gielda.post;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.post.PostDtos.HideInput;
import pl.gielda.post.PostDtos.PostInput;
import pl.gielda.post.PostDtos.PostUpdate;
import pl.gielda.post.PostDtos.PostView;

@Path("/api/fairs/{fairId}/posts")
@Authenticated
public class PostResource {

  private final PostService posts;
  private final PostCreation creation;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  PostResource(
      PostService posts, PostCreation creation, CurrentCaller caller, Idempotency idempotency) {
    this.posts = posts;
    this.creation = creation;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @GET
  public Uni<List<PostView>> list(@RestPath long fairId) {
    return posts.list(caller.get(), fairId);
  }

  @GET
  @Path("/{postId}")
  public Uni<PostView> one(@RestPath long fairId, @RestPath long postId) {
    return posts.one(caller.get(), fairId, postId);
  }

  @POST
  @RolesAllowed({"participant", "animator"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PostView.class)))
  public Uni<RestResponse<PostView>> create(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull PostInput input) {
    return creation.create(caller.get(), key, fairId, input);
  }

  @PUT
  @Path("/{postId}")
  @RolesAllowed({"participant", "animator"})
  public Uni<RestResponse<PostView>> update(
      @RestPath long fairId,
      @RestPath long postId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull PostUpdate input) {
    return idempotency.run(
        caller.get(),
        key,
        "post-update:" + postId,
        input,
        PostView.class,
        200,
        () -> posts.update(caller.get(), fairId, postId, input));
  }

  @POST
  @Path("/{postId}/withdraw")
  @RolesAllowed({"participant", "animator"})
  public Uni<RestResponse<PostView>> withdraw(
      @RestPath long fairId, @RestPath long postId, @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "post-withdraw:" + postId,
        null,
        PostView.class,
        200,
        () -> posts.withdraw(caller.get(), fairId, postId));
  }

  @POST
  @Path("/{postId}/hide")
  @RolesAllowed({"notary", "organiser"})
  public Uni<RestResponse<PostView>> hide(
      @RestPath long fairId,
      @RestPath long postId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull HideInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "post-hide:" + postId,
        input,
        PostView.class,
        200,
        () -> posts.hide(caller.get(), fairId, postId, input.reason()));
  }

  @POST
  @Path("/{postId}/unhide")
  @RolesAllowed({"notary", "organiser"})
  public Uni<RestResponse<PostView>> unhide(
      @RestPath long fairId, @RestPath long postId, @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "post-unhide:" + postId,
        null,
        PostView.class,
        200,
        () -> posts.unhide(caller.get(), fairId, postId));
  }
}
