package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.fair.Fair;

@ApplicationScoped
public class BadgeService {

  private final AccessGuard guard;
  private final Links links;
  private final Vertx vertx;

  BadgeService(AccessGuard guard, Links links, Vertx vertx) {
    this.guard = guard;
    this.links = links;
    this.vertx = vertx;
  }

  @WithSession
  public Uni<byte[]> pdf(Caller caller, long fairId, boolean allowLocalhost) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .invoke(() -> refuseLocalhostLinks(allowLocalhost))
        .chain(() -> Fair.require(fairId))
        .chain(
            fair ->
                Organisation.ofFair(fairId)
                    .chain(
                        entities ->
                            Person.ofFair(fairId)
                                .chain(
                                    people -> {
                                      Map<Long, Organisation> byId =
                                          entities.stream()
                                              .collect(
                                                  Collectors.toMap(e -> e.id, Function.identity()));
                                      var badges =
                                          people.stream()
                                              .map(
                                                  p -> {
                                                    Organisation e = byId.get(p.entityId);
                                                    return new BadgePdf.Badge(
                                                        p.displayName,
                                                        e.name,
                                                        e.sector,
                                                        roleLabel(p),
                                                        links.badge(p.badgeToken));
                                                  })
                                              .toList();
                                      return vertx.executeBlocking(
                                          () -> BadgePdf.render(fair.name, badges));
                                    })));
  }

  /**
   * 150 badges whose QR leads to {@code localhost} open on no phone: refuse until the organiser
   * chooses the hall address (or says they print for this machine only).
   */
  private void refuseLocalhostLinks(boolean allowLocalhost) {
    if (!allowLocalhost && links.pointsAtLocalhost()) {
      throw ApiException.conflict(
          "links-point-at-localhost",
          "Badge links would point at "
              + links.base()
              + ", which phones cannot open: choose the hall address first (or allowLocalhost=true)");
    }
  }

  private static String roleLabel(Person p) {
    var roles = p.roleSet();
    if (roles.contains(Role.NOTARY)) {
      return "NOTARIUSZ";
    }
    if (roles.contains(Role.ANIMATOR)) {
      return "ANIMATOR / PUNKT INFORMACYJNY";
    }
    return null;
  }
}
