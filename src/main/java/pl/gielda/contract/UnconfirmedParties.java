package pl.gielda.contract;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;

/**
 * A contract is worth something to funders only if its parties are who they say. An entity a
 * stranger created by self-join may sign, but its contracts are registered only once the help desk
 * or the organiser confirmed it. Confirmation is never taken back, so a check that passed before
 * the registration's transaction still holds in it.
 */
@ApplicationScoped
class UnconfirmedParties {

  static final String CODE = "entity-unconfirmed";

  private static final String PARTIES =
      "select e.name from contract_party cp join contract c on c.id = cp.contract_id"
          + " join entity e on e.id = cp.entity_id"
          + " where cp.contract_id = $1 and c.fair_id = $2 and not e.confirmed"
          + " order by cp.position";

  private final AccessGuard guard;
  private final Pool pool;

  UnconfirmedParties(AccessGuard guard, Pool pool) {
    this.guard = guard;
    this.pool = pool;
  }

  /** Refuses (409) to register a contract while one of its parties is unconfirmed. */
  Uni<Void> refuseIfAny(Caller caller, long fairId, long contractId) {
    return guard
        .inFair(caller, fairId, Role.NOTARY, Role.ORGANISER)
        .chain(() -> pool.preparedQuery(PARTIES).execute(Tuple.of(contractId, fairId)))
        .invoke(
            rows -> {
              List<String> names = new ArrayList<>();
              for (Row r : rows) {
                names.add(r.getString(0));
              }
              if (!names.isEmpty()) {
                throw ApiException.conflict(
                    CODE,
                    String.join(", ", names)
                        + " not confirmed yet: the help desk or the organiser confirms the entity"
                        + " (after looking at the person), then the contract can be registered");
              }
            })
        .replaceWithVoid();
  }

  /** The fair's entities that wait for confirmation. */
  Uni<Set<Long>> ofFair(long fairId) {
    return pool.preparedQuery("select id from entity where fair_id = $1 and not confirmed")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Set<Long> ids = new HashSet<>();
              rows.forEach(r -> ids.add(r.getLong(0)));
              return ids;
            });
  }
}
