package pl.gielda.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.eventlog.EventSequencer;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Sector;
import pl.gielda.post.PostDtos.PostInput;
import pl.gielda.post.PostDtos.PostView;

/**
 * A person's new post in one SQL call on the request's own transaction ({@code create_post}, V12).
 *
 * <p>Through Hibernate a post took a dozen round trips and then a wait for the sequencer; when
 * thousands of phones reconnect at once (the hall's Wi-Fi back), each of those waited behind the
 * storm's work on the event loops. Here: the key claim, one call that checks the badge, the fair,
 * its phase, the category and the author and inserts the post, then the event, its number and the
 * stored answer sent together before the commit. Same checks, same order, same answers as {@link
 * PostService#create}, which the demo seed still uses.
 */
@ApplicationScoped
class PostCreation {

  private static final String CREATE =
      "select create_post($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)::text";
  private static final String APPEND =
      "select append_fair_event($1, 'post.created', cast(cast($2 as text) as jsonb))";
  private static final Role[] AUTHORS = {Role.PARTICIPANT, Role.ANIMATOR};

  private final Idempotency idempotency;
  private final PostService posts;
  private final ObjectMapper json;

  PostCreation(Idempotency idempotency, PostService posts, ObjectMapper json) {
    this.idempotency = idempotency;
    this.posts = posts;
    this.json = json;
  }

  Uni<RestResponse<PostView>> create(Caller caller, String key, long fairId, PostInput in) {
    if (caller.kind() != Caller.Kind.PERSON) {
      // Not reachable through the API's roles; kept on the general path all the same.
      return idempotency.run(
          caller,
          key,
          "post:" + fairId,
          in,
          PostView.class,
          201,
          () -> posts.create(caller, fairId, in));
    }
    Post p;
    try {
      AccessGuard.personMayAct(caller, fairId, AUTHORS);
      p = post(caller, fairId, in);
    } catch (ApiException e) {
      return Uni.createFrom().failure(e);
    }
    return idempotency.runInTwoRoundTrips(
        caller,
        key,
        "post:" + fairId,
        in,
        PostView.class,
        201,
        tx -> insert(tx, caller, p, in),
        (tx, created) -> answer(tx, p, created));
  }

  /** The post as the request asks for it, before the database has checked it. */
  private static Post post(Caller caller, long fairId, PostInput in) {
    long authorId = author(caller, in.onBehalfOf());
    Post p = new Post();
    p.fairId = fairId;
    p.authorId = authorId;
    p.onBehalfBy = authorId == caller.id() ? null : caller.id();
    p.kind = in.kind();
    p.status = Post.Status.ACTIVE;
    p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    p.updatedAt = p.createdAt;
    PostService.apply(
        p,
        in.category(),
        in.title(),
        in.description(),
        in.quantity(),
        in.availability(),
        in.town());
    p.valuePln = in.valuePln();
    p.hours = in.hours();
    return p;
  }

  /** The checks and the insert; what the database added (id, entity), or the refusal. */
  private Uni<JsonNode> insert(SqlConnection tx, Caller caller, Post p, PostInput in) {
    Tuple args =
        Tuple.tuple()
            .addLong(p.fairId)
            .addLong(caller.id())
            .addInteger(caller.badgeVersion())
            .addLong(p.authorId)
            .addLong(p.onBehalfBy)
            .addString(p.kind.name())
            .addString(p.category)
            .addString(p.title)
            .addString(p.description)
            .addString(p.quantity)
            .addString(p.availability)
            .addString(p.town)
            .addBigDecimal(p.valuePln)
            .addBigDecimal(p.hours)
            .addOffsetDateTime(p.createdAt.atOffset(ZoneOffset.UTC));
    return tx.preparedQuery(CREATE)
        .execute(args)
        .map(
            rows -> {
              JsonNode r = read(rows.iterator().next().getString(0));
              if (r.hasNonNull("error")) {
                throw refusal(r, p.fairId, in, p.onBehalfBy != null);
              }
              return r;
            });
  }

  /** The new post's view, with its event and the event's number still to be sent. */
  private Idempotency.Answer<PostView> answer(SqlConnection tx, Post p, JsonNode created) {
    p.id = created.get("id").asLong();
    p.entityId = created.get("entityId").asLong();
    Organisation e = new Organisation();
    e.id = p.entityId;
    e.name = created.get("entityName").asText();
    e.sector = Sector.valueOf(created.get("sector").asText());
    PostView view = PostService.toView(p, e);
    // The numbering last: it holds the fair's log head until the commit, and the answer then
    // needs no sequencer run.
    Uni<Void> event =
        tx.preparedQuery(APPEND)
            .execute(Tuple.of(p.fairId, write(Map.of("post", view))))
            .replaceWithVoid();
    Uni<Void> numbered = EventSequencer.numberBeforeCommit(tx, p.fairId);
    return new Idempotency.Answer<>(view, Uni.combine().all().unis(event, numbered).discardItems());
  }

  /** The person the post is for: the caller, or (for an animator) the person they help. */
  private static long author(Caller caller, Long onBehalfOf) {
    if (onBehalfOf != null && onBehalfOf != caller.id()) {
      if (!caller.has(Role.ANIMATOR)) {
        throw ApiException.forbidden("Only the help desk posts on behalf of others");
      }
      return onBehalfOf;
    }
    if (!caller.has(Role.PARTICIPANT)) {
      throw ApiException.invalid("onBehalfOf", "the help desk posts for a person: choose who");
    }
    return caller.id();
  }

  private static RuntimeException refusal(JsonNode r, long fairId, PostInput in, boolean helping) {
    return switch (r.get("error").asText()) {
      case "badge-revoked" -> AccessGuard.badgeRevoked();
      case "no-fair" -> ApiException.notFound("Fair " + fairId);
      case "fair-not-open" -> Fair.notOpen(Phase.valueOf(r.get("phase").asText()));
      case "no-category" -> ApiException.invalid("category", "unknown category " + in.category());
      case "no-author" ->
          helping
              ? ApiException.invalid("onBehalfOf", "no such person in this fair")
              : ApiException.unauthorized("Unknown person");
      default -> new IllegalStateException("create_post answered " + r);
    };
  }

  private JsonNode read(String value) {
    try {
      return json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("create_post returned unreadable JSON", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
