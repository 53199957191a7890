package pl.gielda.board;

import io.vertx.mutiny.sqlclient.Row;
import java.util.Map;

/** The headline counters of a fair, as of one snapshot. */
final class BoardCounters {

  static final String SQL =
      "select"
          + " (select count(*) from person where fair_id = $1) as people,"
          + " (select count(*) from person where fair_id = $1 and checked_in_at is not null) as present,"
          + " (select count(*) from entity where fair_id = $1) as entities,"
          + " (select count(*) from post where fair_id = $1 and kind = 'OFFER' and status = 'ACTIVE' and not hidden) as offers,"
          + " (select count(*) from post where fair_id = $1 and kind = 'REQUEST' and status = 'ACTIVE' and not hidden) as requests,"
          + " (select count(*) from contract where fair_id = $1 and status = 'REGISTERED') as contracts";

  private BoardCounters() {}

  static void read(Row r, Map<String, Long> counters) {
    for (String name :
        new String[] {"people", "present", "entities", "offers", "requests", "contracts"}) {
      counters.put(name, r.getLong(name));
    }
  }
}
