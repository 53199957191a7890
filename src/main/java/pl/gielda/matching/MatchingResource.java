package pl.gielda.matching;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.matching.MatchingDtos.DealsView;
import pl.gielda.matching.MatchingDtos.MatchView;
import pl.gielda.matching.MatchingDtos.PostMatches;
import pl.gielda.post.PostDtos.PostView;

@Path("/api")
@Authenticated
public class MatchingResource {

  private final MatchingQueries queries;
  private final CurrentCaller caller;

  MatchingResource(MatchingQueries queries, CurrentCaller caller) {
    this.queries = queries;
    this.caller = caller;
  }

  /** Ranked matches for one post, each with a score and reasons a person understands. */
  @GET
  @Path("/fairs/{fairId}/matches/for/{postId}")
  public Uni<List<MatchView>> forPost(
      @RestPath long fairId,
      @RestPath long postId,
      @RestQuery @DefaultValue("10") @Min(1) @Max(50) int limit) {
    return queries.forPost(caller.get(), fairId, postId, limit);
  }

  /** "Dopasowania": my entity's posts with their best matches. */
  @GET
  @Path("/fairs/{fairId}/matches/mine")
  @RolesAllowed("participant")
  public Uni<List<PostMatches>> mine(@RestPath long fairId) {
    return queries.mine(caller.get(), fairId);
  }

  /** Reciprocal swaps, three-way cycles and the optimal set of deals (participants: their own). */
  @GET
  @Path("/fairs/{fairId}/deals")
  @RolesAllowed({"organiser", "participant", "animator", "notary"})
  public Uni<DealsView> deals(@RestPath long fairId) {
    return queries.deals(caller.get(), fairId);
  }

  /** Requests without a good match yet, for brokers and the big screen. */
  @GET
  @Path("/fairs/{fairId}/still-looking")
  public Uni<List<PostView>> stillLooking(
      @RestPath long fairId, @RestQuery @DefaultValue("12") @Min(1) @Max(100) int limit) {
    return queries.stillLooking(caller.get(), fairId, limit);
  }
}
