package pl.gielda.fair;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.web.PublicUrl;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.FairDtos.CategoryInput;
import pl.gielda.fair.FairDtos.FairInput;
import pl.gielda.fair.FairDtos.FairView;
import pl.gielda.fair.FairDtos.PublicFairView;

@ApplicationScoped
public class FairService {

  private final AccessGuard guard;
  private final EventLog log;

  private final PublicUrl publicUrl;

  FairService(AccessGuard guard, EventLog log, PublicUrl publicUrl) {
    this.guard = guard;
    this.log = log;
    this.publicUrl = publicUrl;
  }

  @WithTransaction
  public Uni<FairView> create(Caller caller, FairInput input) {
    if (caller.kind() != Caller.Kind.ORGANISER) {
      return Uni.createFrom().failure(ApiException.forbidden("Only organisers create fairs"));
    }
    if (!input.endsAt().isAfter(input.startsAt())) {
      return Uni.createFrom().failure(ApiException.invalid("endsAt", "must be after startsAt"));
    }
    Fair fair = new Fair();
    fair.ownerId = caller.id();
    fair.name = input.name().trim();
    fair.venue = input.venue().trim();
    fair.startsAt = input.startsAt();
    fair.endsAt = input.endsAt();
    fair.timeZone = Fair.TIME_ZONE;
    fair.phase = Phase.DRAFT;
    fair.createdAt = Instant.now();
    return uniqueJoinCode()
        .invoke(code -> fair.joinCode = code)
        .chain(() -> fair.<Fair>persist())
        .chain(() -> log.open(fair.id))
        .chain(() -> persistCategories(fair.id, input.categories()))
        .chain(
            categories ->
                log.append(fair.id, "fair.created", Map.of("name", fair.name))
                    .replaceWith(view(fair, categories)));
  }

  @WithSession
  public Uni<List<FairView>> ownedBy(Caller caller) {
    if (caller.kind() != Caller.Kind.ORGANISER) {
      return Uni.createFrom().failure(ApiException.forbidden("Only organisers list fairs"));
    }
    return Fair.<Fair>list("ownerId = ?1 order by startsAt desc", caller.id())
        .chain(fairs -> withCategories(fairs));
  }

  @WithSession
  public Uni<FairView> get(Caller caller, long fairId) {
    return guard
        .inFair(
            caller,
            fairId,
            Role.ORGANISER,
            Role.PARTICIPANT,
            Role.ANIMATOR,
            Role.NOTARY,
            Role.SCREEN)
        .chain(() -> Fair.require(fairId))
        .chain(fair -> Category.ofFair(fairId).map(cats -> view(fair, cats)));
  }

  @WithTransaction
  public Uni<FairView> changePhase(Caller caller, long fairId, Phase next) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair -> {
              if (fair.phase == next) {
                return Uni.createFrom().item(fair);
              }
              if (!fair.phase.canMoveTo(next)) {
                return Uni.createFrom()
                    .failure(
                        ApiException.conflict(
                            "phase-order",
                            "A fair moves only forward, one step at a time: "
                                + fair.phase
                                + " cannot become "
                                + next));
              }
              fair.phase = next;
              return log.append(fairId, "fair.phase", Map.of("phase", next.name()))
                  .replaceWith(fair);
            })
        .chain(fair -> Category.ofFair(fairId).map(cats -> view(fair, cats)));
  }

  @WithSession
  public Uni<PublicFairView> byJoinCode(String code) {
    return Fair.findByJoinCode(code)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("A fair with this code"))
        .map(f -> new PublicFairView(f.id, f.name, f.venue, f.startsAt, f.phase));
  }

  private Uni<List<FairView>> withCategories(List<Fair> fairs) {
    if (fairs.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Long> ids = fairs.stream().map(f -> f.id).toList();
    return Category.<Category>list("fairId in ?1 order by position", ids)
        .map(
            cats ->
                fairs.stream()
                    .map(f -> view(f, cats.stream().filter(c -> c.fairId.equals(f.id)).toList()))
                    .toList());
  }

  private FairView view(Fair fair, List<Category> categories) {
    return FairView.of(fair, categories, publicUrl.base());
  }

  private Uni<String> uniqueJoinCode() {
    String code = Secrets.code(6);
    return Fair.count("joinCode", code)
        .chain(n -> n == 0 ? Uni.createFrom().item(code) : uniqueJoinCode());
  }

  private Uni<List<Category>> persistCategories(long fairId, List<CategoryInput> requested) {
    List<Category> categories = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      for (String[] d : Category.DEFAULTS) {
        categories.add(category(fairId, d[0], d[1], d[2], categories.size()));
      }
    } else {
      for (CategoryInput c : requested) {
        if (categories.stream().anyMatch(x -> x.code.equals(c.code()))) {
          return Uni.createFrom()
              .failure(ApiException.invalid("categories", "duplicate code " + c.code()));
        }
        categories.add(
            category(fairId, c.code(), c.namePl().trim(), c.nameEn().trim(), categories.size()));
      }
    }
    return Category.persist(categories).replaceWith(categories);
  }

  private static Category category(long fairId, String code, String pl, String en, int position) {
    Category c = new Category();
    c.fairId = fairId;
    c.code = code;
    c.namePl = pl;
    c.nameEn = en;
    c.position = position;
    return c;
  }
}
