package pl.gielda.post;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Category;
import pl.gielda.fair.Fair;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;
import pl.gielda.post.PostDtos.PostInput;
import pl.gielda.post.PostDtos.PostUpdate;
import pl.gielda.post.PostDtos.PostView;

/**
 * Offers and requests. Every change is one event in the fair's log, written in the same
 * transaction, so boards see exactly what was committed.
 */
@ApplicationScoped
public class PostService {

  private final AccessGuard guard;
  private final EventLog log;

  PostService(AccessGuard guard, EventLog log) {
    this.guard = guard;
    this.log = log;
  }

  /** Boards show active, unhidden posts; notaries and organisers also see hidden ones. */
  @WithSession
  public Uni<List<PostView>> list(Caller caller, long fairId) {
    return guard
        .inFair(
            caller,
            fairId,
            Role.ORGANISER,
            Role.PARTICIPANT,
            Role.ANIMATOR,
            Role.NOTARY,
            Role.SCREEN)
        .chain(
            c -> {
              boolean moderator = c.has(Role.NOTARY) || c.has(Role.ORGANISER);
              String where =
                  moderator
                      ? "fairId = ?1 and status = 'ACTIVE'"
                      : "fairId = ?1 and status = 'ACTIVE' and hidden = false";
              return Post.<Post>list(where + " order by id", fairId);
            })
        .chain(posts -> views(fairId, posts));
  }

  /**
   * One post. A hidden one only for the people who may change it (its entity's, or the helper who
   * posted it) and for moderators: its author learns that it was hidden and why, nobody else reads
   * its text again (404, as if it did not exist).
   */
  @WithSession
  public Uni<PostView> one(Caller caller, long fairId, long postId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY)
        .chain(() -> requirePost(fairId, postId))
        .chain(
            p -> {
              if (!p.hidden || caller.has(Role.NOTARY) || caller.has(Role.ORGANISER)) {
                return view(p);
              }
              return editable(caller, fairId, postId)
                  .onFailure(ApiException.class)
                  .transform(e -> ApiException.notFound("Post " + postId))
                  .chain(this::view);
            });
  }

  @WithTransaction
  public Uni<PostView> create(Caller caller, long fairId, PostInput input) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> Fair.require(fairId))
        .invoke(Fair::requireOpen)
        .chain(() -> requireCategory(fairId, input.category()))
        .chain(() -> author(caller, fairId, input.onBehalfOf()))
        .chain(
            author -> {
              Post p = new Post();
              p.fairId = fairId;
              p.entityId = author.entityId;
              p.authorId = author.id;
              p.onBehalfBy = author.id.equals(caller.id()) ? null : caller.id();
              p.kind = input.kind();
              p.status = Post.Status.ACTIVE;
              p.createdAt = Instant.now();
              apply(
                  p,
                  input.category(),
                  input.title(),
                  input.description(),
                  input.quantity(),
                  input.availability(),
                  input.town());
              p.valuePln = input.valuePln();
              p.hours = input.hours();
              p.updatedAt = p.createdAt;
              return p.<Post>persist();
            })
        .chain(p -> publish(p, "post.created"));
  }

  @WithTransaction
  public Uni<PostView> update(Caller caller, long fairId, long postId, PostUpdate input) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> Fair.require(fairId))
        .invoke(Fair::requireOpen)
        .chain(() -> requireCategory(fairId, input.category()))
        .chain(() -> editable(caller, fairId, postId))
        .chain(
            p -> {
              if (p.version != input.version()) {
                throw ApiException.conflict(
                    "stale-version", "The post was changed meanwhile; reload it and try again");
              }
              apply(
                  p,
                  input.category(),
                  input.title(),
                  input.description(),
                  input.quantity(),
                  input.availability(),
                  input.town());
              p.valuePln = input.valuePln();
              p.hours = input.hours();
              p.version++;
              p.updatedAt = Instant.now();
              return publish(p, "post.updated");
            });
  }

  @WithTransaction
  public Uni<PostView> withdraw(Caller caller, long fairId, long postId) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> editable(caller, fairId, postId))
        .chain(
            p -> {
              if (p.status == Post.Status.WITHDRAWN) {
                return view(p);
              }
              p.status = Post.Status.WITHDRAWN;
              p.version++;
              p.updatedAt = Instant.now();
              return log.append(
                      fairId, "post.withdrawn", Map.of("postId", p.id, "version", p.version))
                  .chain(() -> view(p));
            });
  }

  @WithTransaction
  public Uni<PostView> hide(Caller caller, long fairId, long postId, String reason) {
    return guard
        .inFair(caller, fairId, Role.NOTARY, Role.ORGANISER)
        .chain(() -> requirePost(fairId, postId))
        .chain(
            p -> {
              if (p.hidden) {
                return view(p);
              }
              p.hidden = true;
              p.hiddenReason = reason.trim();
              p.version++;
              p.updatedAt = Instant.now();
              // The event carries only the id: hidden text must not reach the boards again.
              return log.append(fairId, "post.hidden", Map.of("postId", p.id, "version", p.version))
                  .chain(() -> view(p));
            });
  }

  @WithTransaction
  public Uni<PostView> unhide(Caller caller, long fairId, long postId) {
    return guard
        .inFair(caller, fairId, Role.NOTARY, Role.ORGANISER)
        .chain(() -> requirePost(fairId, postId))
        .chain(
            p -> {
              if (!p.hidden) {
                return view(p);
              }
              p.hidden = false;
              p.hiddenReason = null;
              p.version++;
              p.updatedAt = Instant.now();
              return publish(p, "post.unhidden");
            });
  }

  private Uni<PostView> publish(Post p, String type) {
    return view(p).call(v -> log.append(p.fairId, type, Map.of("post", v)));
  }

  static void apply(
      Post p,
      String category,
      String title,
      String description,
      String quantity,
      String availability,
      String town) {
    p.category = category.trim();
    p.title = title.trim();
    p.description = description == null ? "" : description.trim();
    p.quantity = blankToNull(quantity);
    p.availability = blankToNull(availability);
    p.town = blankToNull(town);
  }

  /** The person the post is for: the caller, or (for an animator) the person they help. */
  private Uni<Person> author(Caller caller, long fairId, Long onBehalfOf) {
    if (onBehalfOf != null && onBehalfOf != caller.id()) {
      if (!caller.has(Role.ANIMATOR)) {
        return Uni.createFrom()
            .failure(ApiException.forbidden("Only the help desk posts on behalf of others"));
      }
      return Person.inFair(fairId, onBehalfOf)
          .onItem()
          .ifNull()
          .failWith(() -> ApiException.invalid("onBehalfOf", "no such person in this fair"));
    }
    if (!caller.has(Role.PARTICIPANT)) {
      return Uni.createFrom()
          .failure(
              ApiException.invalid("onBehalfOf", "the help desk posts for a person: choose who"));
    }
    return Person.inFair(fairId, caller.id())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown person"));
  }

  /** People of the post's entity may change it; so may the animator who posted it for them. */
  private Uni<Post> editable(Caller caller, long fairId, long postId) {
    return requirePost(fairId, postId)
        .chain(
            p ->
                Person.inFair(fairId, caller.id())
                    .map(
                        me -> {
                          boolean sameEntity =
                              me != null
                                  && me.entityId.equals(p.entityId)
                                  && caller.has(Role.PARTICIPANT);
                          boolean helper =
                              caller.has(Role.ANIMATOR)
                                  && caller.id() == (p.onBehalfBy == null ? -1 : p.onBehalfBy);
                          if (!sameEntity && !helper) {
                            throw ApiException.forbidden(
                                "Only the entity's people change its posts");
                          }
                          return p;
                        }));
  }

  private static Uni<Post> requirePost(long fairId, long postId) {
    return Post.<Post>find("fairId = ?1 and id = ?2", fairId, postId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("Post " + postId));
  }

  private static Uni<Void> requireCategory(long fairId, String code) {
    return Category.count("fairId = ?1 and code = ?2", fairId, code.trim())
        .map(
            n -> {
              if (n == 0) {
                throw ApiException.invalid("category", "unknown category " + code);
              }
              return null;
            });
  }

  Uni<PostView> view(Post p) {
    return Organisation.<Organisation>findById(p.entityId).map(e -> toView(p, e));
  }

  private static Uni<List<PostView>> views(long fairId, List<Post> posts) {
    return Organisation.ofFair(fairId)
        .map(
            entities -> {
              Map<Long, Organisation> byId =
                  entities.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
              return posts.stream().map(p -> toView(p, byId.get(p.entityId))).toList();
            });
  }

  public static PostView toView(Post p, Organisation e) {
    return new PostView(
        p.id,
        p.fairId,
        p.kind,
        p.category,
        p.title,
        p.description,
        p.quantity,
        p.availability,
        p.town,
        p.valuePln,
        p.hours,
        p.entityId,
        e.name,
        e.sector,
        p.authorId,
        p.onBehalfBy,
        p.status,
        p.hidden,
        p.hiddenReason,
        p.version,
        p.createdAt,
        p.updatedAt);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
