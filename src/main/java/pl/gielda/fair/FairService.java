package pl.gielda.fair;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import pl.gielda.fair.FairDtos.FairUpdate;
import pl.gielda.fair.FairDtos.FairView;
import pl.gielda.fair.FairDtos.NewCategory;
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
            Role.SCREEN,
            Role.NEWCOMER)
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

  /** Name, place and time; not once the fair is closed (its closing figures are stored). */
  @WithTransaction
  public Uni<FairView> update(Caller caller, long fairId, FairUpdate input) {
    if (!input.endsAt().isAfter(input.startsAt())) {
      return Uni.createFrom()
          .failure(
              ApiException.invalid(
                  "endsAt", "end-before-start", "must be after startsAt", Map.of()));
    }
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair -> {
              if (fair.phase == Phase.CLOSED) {
                throw ApiException.conflict("fair-closed", "The fair is closed");
              }
              fair.name = input.name().trim();
              fair.venue = input.venue().trim();
              fair.startsAt = input.startsAt();
              fair.endsAt = input.endsAt();
              return log.append(fairId, "fair.updated", Map.of("name", fair.name))
                  .replaceWith(fair);
            })
        .chain(fair -> Category.ofFair(fairId).map(cats -> view(fair, cats)));
  }

  /**
   * Deletes a fair made by mistake, with its people, posts and log; only while it has no contract
   * (a contract, even a draft, is a record two parties made).
   */
  @WithTransaction
  public Uni<Void> delete(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery(
                                    "select count(*) from contract where fair_id = ?1", Long.class)
                                .setParameter(1, fairId)
                                .getSingleResult())
                    .chain(
                        contracts -> {
                          if (contracts > 0) {
                            throw new ApiException(
                                409,
                                "fair-has-contracts",
                                "Conflict",
                                "A fair with contracts cannot be deleted",
                                Map.of("contracts", contracts),
                                List.of(),
                                List.of());
                          }
                          return fair.delete();
                        }));
  }

  /** Adds a category at the end of the fair's list; phones see it on their next load. */
  @WithTransaction
  public Uni<FairView> addCategory(Caller caller, long fairId, NewCategory input) {
    String namePl = input.namePl().trim();
    String code = input.code() != null ? input.code() : codeOf(namePl);
    String nameEn =
        input.nameEn() == null || input.nameEn().isBlank() ? namePl : input.nameEn().trim();
    if (code.length() < 2) {
      return Uni.createFrom()
          .failure(ApiException.invalid("namePl", "letters", "needs letters", Map.of()));
    }
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair -> {
              if (fair.phase == Phase.CLOSED) {
                throw ApiException.conflict("fair-closed", "The fair is closed");
              }
              return Category.ofFair(fairId);
            })
        .chain(
            cats -> {
              boolean taken =
                  cats.stream()
                      .anyMatch(c -> c.code.equals(code) || c.namePl.equalsIgnoreCase(namePl));
              if (taken) {
                throw new ApiException(
                    409,
                    "category-exists",
                    "Conflict",
                    "The fair has this category already",
                    Map.of("name", namePl),
                    List.of(),
                    List.of());
              }
              Category c = category(fairId, code, namePl, nameEn, cats.size());
              return c.<Category>persist()
                  .chain(() -> log.append(fairId, "category.added", Map.of("code", code)))
                  .chain(() -> Fair.require(fairId))
                  .chain(fair -> Category.ofFair(fairId).map(all -> view(fair, all)));
            });
  }

  /** "Rękodzieło" → "REKODZIELO": the category code made of the Polish name. */
  static String codeOf(String name) {
    String folded =
        java.text.Normalizer.normalize(
                name.replace('ł', 'l').replace('Ł', 'L'), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toUpperCase(java.util.Locale.ROOT)
            .replaceAll("[^A-Z]+", "_")
            .replaceAll("^_+|_+$", "");
    return folded.length() > 40 ? folded.substring(0, 40) : folded;
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
    // With no address configured or chosen, base() is http://localhost:<configured port>, which
    // may not even be the port this app answers on: the page knows its own origin better.
    String base = publicUrl.source() == PublicUrl.Source.DEFAULT ? null : publicUrl.base();
    return FairView.of(fair, categories, base);
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
