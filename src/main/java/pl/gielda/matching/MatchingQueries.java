package pl.gielda.matching;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.matching.MatchingDtos.DealView;
import pl.gielda.matching.MatchingDtos.DealsView;
import pl.gielda.matching.MatchingDtos.LegView;
import pl.gielda.matching.MatchingDtos.MatchView;
import pl.gielda.matching.MatchingDtos.PostMatches;
import pl.gielda.matching.engine.Cycle;
import pl.gielda.matching.engine.DealPlan;
import pl.gielda.matching.engine.Leg;
import pl.gielda.matching.engine.Suggestion;
import pl.gielda.matching.engine.Swap;
import pl.gielda.post.PostDtos.PostView;

/**
 * What people ask of matching: suggestions with reasons, their own matches, deals, still looking.
 */
@ApplicationScoped
public class MatchingQueries {

  private static final Role[] EVERYONE = {
    Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY, Role.SCREEN
  };
  private static final Role[] BROKERS = {Role.ORGANISER, Role.ANIMATOR, Role.NOTARY};

  private final AccessGuard guard;
  private final MatchingService matching;
  private final Pool pool;

  MatchingQueries(AccessGuard guard, MatchingService matching, Pool pool) {
    this.guard = guard;
    this.matching = matching;
    this.pool = pool;
  }

  public Uni<List<MatchView>> forPost(Caller caller, long fairId, long postId, int limit) {
    return guard
        .inFair(caller, fairId, EVERYONE)
        .chain(() -> matching.current(fairId))
        .chain(
            fm -> {
              if (!fm.posts.containsKey(postId)) {
                throw ApiException.notFound("Post " + postId);
              }
              return matching.suggestions(fm, postId, limit);
            })
        .chain(suggestions -> withViews(fairId, suggestions));
  }

  /** The caller's entity's posts, each with its best matches ("Dopasowania"). */
  public Uni<List<PostMatches>> mine(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT)
        .chain(() -> guard.entityOf(caller))
        .chain(
            entityId ->
                matching
                    .current(fairId)
                    .chain(
                        fm -> {
                          List<Long> own =
                              fm.posts.values().stream()
                                  .filter(p -> p.entityId() == entityId)
                                  .map(FairMatching.PostSummary::id)
                                  .sorted()
                                  .toList();
                          return matching
                              .onWorker(
                                  () -> {
                                    Map<Long, List<Suggestion>> all = new HashMap<>();
                                    own.forEach(
                                        id ->
                                            all.put(
                                                id,
                                                fm.engine.suggestionsFor(String.valueOf(id), 5)));
                                    return all;
                                  })
                              .chain(all -> assemble(fairId, own, all));
                        }));
  }

  private Uni<List<PostMatches>> assemble(
      long fairId, List<Long> own, Map<Long, List<Suggestion>> all) {
    List<Long> ids =
        Stream.concat(
                own.stream(),
                all.values().stream().flatMap(List::stream).map(s -> Long.parseLong(s.postId())))
            .distinct()
            .toList();
    return matching
        .views(fairId, ids)
        .map(
            views -> {
              List<PostMatches> out = new ArrayList<>();
              for (Long id : own) {
                PostView post = views.get(id);
                if (post != null) {
                  out.add(new PostMatches(post, toMatches(all.get(id), views)));
                }
              }
              return out;
            });
  }

  public Uni<DealsView> deals(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY)
        .chain(
            c ->
                (c.kind() == Caller.Kind.PERSON && !isBroker(c))
                    ? guard.entityOf(c)
                    : Uni.createFrom().item((Long) null))
        .chain(
            onlyEntity ->
                matching
                    .current(fairId)
                    .chain(
                        fm ->
                            matching.onWorker(
                                () ->
                                    new Computed(
                                        fm.engine.swaps(),
                                        fm.engine.cycles(),
                                        fm.engine.optimalDeals())))
                    .chain(
                        computed ->
                            entityNames(fairId).map(names -> view(computed, names, onlyEntity))));
  }

  public Uni<List<PostView>> stillLooking(Caller caller, long fairId, int limit) {
    return guard
        .inFair(caller, fairId, EVERYONE)
        .chain(() -> matching.current(fairId))
        .chain(fm -> matching.stillLooking(fm, limit))
        .chain(
            ids ->
                matching
                    .views(fairId, ids)
                    .map(views -> ids.stream().map(views::get).filter(v -> v != null).toList()));
  }

  private record Computed(List<Swap> swaps, List<Cycle> cycles, DealPlan plan) {}

  private static boolean isBroker(Caller c) {
    return Stream.of(BROKERS).anyMatch(c::has);
  }

  private DealsView view(Computed c, Map<Long, String> names, Long onlyEntity) {
    List<DealView> swaps =
        c.swaps().stream()
            .map(s -> deal("SWAP", List.of(s.first(), s.second()), s.score(), names))
            .filter(d -> involves(d, onlyEntity))
            .toList();
    List<DealView> cycles =
        c.cycles().stream()
            .map(x -> deal("CYCLE", x.legs(), x.score(), names))
            .filter(d -> involves(d, onlyEntity))
            .toList();
    List<DealView> plan =
        Stream.concat(
                c.plan().swaps().stream()
                    .map(s -> deal("SWAP", List.of(s.first(), s.second()), s.score(), names)),
                c.plan().cycles().stream().map(x -> deal("CYCLE", x.legs(), x.score(), names)))
            .filter(d -> involves(d, onlyEntity))
            .toList();
    return new DealsView(swaps, cycles, plan, c.plan().totalScore(), c.plan().provenOptimal());
  }

  private static boolean involves(DealView d, Long entity) {
    return entity == null || d.entityIds().contains(entity);
  }

  private static DealView deal(String kind, List<Leg> legs, double score, Map<Long, String> names) {
    List<LegView> views = new ArrayList<>();
    List<Long> entities = new ArrayList<>();
    for (Leg l : legs) {
      long giver = Long.parseLong(l.giverEntityId());
      long receiver = Long.parseLong(l.receiverEntityId());
      views.add(
          new LegView(
              Long.parseLong(l.offerId()),
              Long.parseLong(l.requestId()),
              giver,
              names.get(giver),
              receiver,
              names.get(receiver),
              round(l.score()),
              l.reasons()));
      if (!entities.contains(giver)) {
        entities.add(giver);
      }
    }
    double confidence = legs.stream().mapToDouble(Leg::score).min().orElse(0);
    return new DealView(
        kind,
        entities,
        entities.stream().map(names::get).toList(),
        views,
        round(score),
        round(confidence));
  }

  private Uni<List<MatchView>> withViews(long fairId, List<Suggestion> suggestions) {
    return matching
        .views(fairId, suggestions.stream().map(s -> Long.parseLong(s.postId())).toList())
        .map(views -> toMatches(suggestions, views));
  }

  private static List<MatchView> toMatches(
      List<Suggestion> suggestions, Map<Long, PostView> views) {
    List<MatchView> out = new ArrayList<>();
    for (Suggestion s : suggestions) {
      PostView v = views.get(Long.parseLong(s.postId()));
      if (v != null) {
        out.add(new MatchView(v, round(s.score()), s.good(), s.reasons()));
      }
    }
    return out;
  }

  private Uni<Map<Long, String>> entityNames(long fairId) {
    return pool.preparedQuery("select id, name from entity where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Map<Long, String> names = new HashMap<>();
              rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
              return names;
            });
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
