package pl.gielda.contract;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.contract.ContractDtos.PublicVerifyView;
import pl.gielda.contract.chain.ChainRows;
import pl.gielda.contract.chain.ChainVerifier;
import pl.gielda.contract.chain.ChainVerifier.Verification;
import pl.gielda.fair.Fair;

/**
 * Verifies a fair's chain of registered contracts from the database rows, with the same code the
 * command-line verifier uses.
 */
@ApplicationScoped
public class ChainService {

  private record Chain(List<ChainRows.Entry> entries, ChainRows.Head head) {}

  private final AccessGuard guard;
  private final Pool pool;

  ChainService(AccessGuard guard, Pool pool) {
    this.guard = guard;
    this.pool = pool;
  }

  public Uni<Verification> verify(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.NOTARY, Role.ORGANISER)
        .chain(() -> read(fairId))
        .map(chain -> ChainVerifier.verify(chain.entries(), chain.head()));
  }

  /**
   * Says whether a number and hash (from a printed contract's QR code) belong to a registered,
   * intact contract; reveals only the parties' names and the date.
   */
  public Uni<PublicVerifyView> verifyPublic(long fairId, int number, String hash) {
    PublicVerifyView unknown =
        new PublicVerifyView(
            false,
            fairId,
            number,
            null,
            List.of(),
            "No registered contract has this number and hash");
    return read(fairId)
        .map(
            chain -> {
              ChainRows.Entry e =
                  chain.entries().stream()
                      .filter(x -> x.number() == number && hash.equals(x.recordHash()))
                      .findFirst()
                      .orElse(null);
              if (e == null) {
                return unknown;
              }
              String problem = ChainVerifier.check(e);
              String date =
                  e.registration()
                      .registeredAt()
                      .atZone(ZoneId.of(Fair.TIME_ZONE))
                      .toLocalDate()
                      .toString();
              List<String> names = e.content().parties().stream().map(p -> p.name()).toList();
              return problem == null
                  ? new PublicVerifyView(true, fairId, number, date, names, null)
                  : new PublicVerifyView(
                      false, fairId, number, date, names, "The contract was altered: " + problem);
            });
  }

  /** All rows of the chain from one repeatable-read snapshot. */
  private Uni<Chain> read(long fairId) {
    List<String> queries =
        List.of(
            ChainRows.CONTRACTS,
            ChainRows.PARTIES,
            ChainRows.ITEMS,
            ChainRows.SIGNATURES,
            ChainRows.HEAD);
    return pool.withTransaction(
            conn ->
                conn.query("set transaction isolation level repeatable read, read only")
                    .execute()
                    .chain(
                        () ->
                            Multi.createFrom()
                                .iterable(queries)
                                .onItem()
                                .transformToUniAndConcatenate(sql -> rows(conn, sql, fairId))
                                .collect()
                                .asList()))
        .map(
            r ->
                new Chain(
                    ChainRows.entries(r.get(0), r.get(1), r.get(2), r.get(3)),
                    ChainRows.head(r.get(4))));
  }

  private static Uni<List<ChainRows.Row>> rows(SqlConnection conn, String sql, long fairId) {
    return conn.preparedQuery(sql)
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              List<ChainRows.Row> out = new ArrayList<>();
              for (Row r : rows) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < r.size(); i++) {
                  Object v = r.getValue(i);
                  m.put(r.getColumnName(i), v == null ? null : v.toString());
                }
                out.add(m::get);
              }
              return out;
            });
  }
}
