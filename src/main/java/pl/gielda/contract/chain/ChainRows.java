package pl.gielda.contract.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.gielda.contract.chain.ContractRecord.Content;
import pl.gielda.contract.chain.ContractRecord.Item;
import pl.gielda.contract.chain.ContractRecord.Party;
import pl.gielda.contract.chain.ContractRecord.Registration;
import pl.gielda.contract.chain.ContractRecord.Signature;

/**
 * Reads a fair's registered contracts as text rows (every column cast to text in SQL), so the app
 * (Vert.x client) and the command-line verifier (JDBC) feed identical values into {@link
 * ContractRecord}. Queries take the fair id as their only parameter, written {@code $1}.
 */
public final class ChainRows {

  /** One row, column name → text (null for SQL null). */
  public interface Row {
    String get(String column);
  }

  private static final String TIME_FORMAT = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";
  private static final String REGISTERED_OF_FAIR =
      "(select id from contract where fair_id = $1 and number is not null)";

  // Output columns are text: always order by the qualified (typed) column, never by the alias.
  public static final String CONTRACTS =
      "select id::text as id, fair_id::text as fair_id, number::text as number, status, source,"
          + " version::text as version, title, notes, post_ids, content_hash, record_hash,"
          + " prev_hash, registered_by, registered_by_name, money_justification,"
          + " to_char(registered_at at time zone 'UTC', "
          + TIME_FORMAT
          + ") as registered_at"
          + " from contract c where c.fair_id = $1 and c.number is not null order by c.number";

  public static final String PARTIES =
      "select contract_id::text as contract_id, entity_id::text as entity_id, entity_name, sector"
          + " from contract_party p where p.contract_id in "
          + REGISTERED_OF_FAIR
          + " order by p.contract_id, p.position, p.id";

  public static final String ITEMS =
      "select contract_id::text as contract_id, from_entity_id::text as from_entity_id,"
          + " to_entity_id::text as to_entity_id, category, description, quantity, when_text,"
          + " value_pln::text as value_pln, hours::text as hours"
          + " from contract_item i where i.contract_id in "
          + REGISTERED_OF_FAIR
          + " order by i.contract_id, i.position, i.id";

  public static final String SIGNATURES =
      "select contract_id::text as contract_id, entity_id::text as entity_id,"
          + " person_id::text as person_id, person_name, method, on_behalf_by::text as on_behalf_by,"
          + " version::text as version, content_hash,"
          + " to_char(signed_at at time zone 'UTC', "
          + TIME_FORMAT
          + ") as signed_at"
          + " from contract_signature s where s.contract_id in "
          + REGISTERED_OF_FAIR
          + " order by s.contract_id, s.entity_id";

  public static final String HEAD =
      "select last_number::text as last_number, last_hash from fair_contract_head"
          + " where fair_id = $1";

  /** A registered contract as stored: what it says, who signed, and its chain link. */
  public record Entry(
      int number,
      String status,
      Content content,
      String storedContentHash,
      List<Signature> signatures,
      Registration registration,
      String prevHash,
      String recordHash) {}

  /** The counter row: how many contracts the fair registered and the chain's head. */
  public record Head(int lastNumber, String lastHash) {}

  private ChainRows() {}

  public static List<Entry> entries(
      List<Row> contracts, List<Row> parties, List<Row> items, List<Row> signatures) {
    Map<String, List<Row>> partiesBy = group(parties);
    Map<String, List<Row>> itemsBy = group(items);
    Map<String, List<Row>> signaturesBy = group(signatures);
    List<Entry> entries = new ArrayList<>();
    for (Row c : contracts) {
      String id = c.get("id");
      Content content =
          new Content(
              Long.parseLong(c.get("fair_id")),
              Long.parseLong(id),
              Integer.parseInt(c.get("version")),
              c.get("source"),
              c.get("title"),
              c.get("notes"),
              postIds(c.get("post_ids")),
              partiesBy.getOrDefault(id, List.of()).stream()
                  .map(p -> new Party(lng(p, "entity_id"), p.get("entity_name"), p.get("sector")))
                  .toList(),
              itemsBy.getOrDefault(id, List.of()).stream().map(ChainRows::item).toList());
      entries.add(
          new Entry(
              Integer.parseInt(c.get("number")),
              c.get("status"),
              content,
              c.get("content_hash"),
              signaturesBy.getOrDefault(id, List.of()).stream().map(ChainRows::signature).toList(),
              new Registration(
                  Integer.parseInt(c.get("number")),
                  instant(c.get("registered_at")),
                  c.get("registered_by"),
                  c.get("registered_by_name"),
                  c.get("money_justification")),
              c.get("prev_hash"),
              c.get("record_hash")));
    }
    return entries;
  }

  public static Head head(List<Row> rows) {
    if (rows.isEmpty()) {
      return new Head(0, ContractRecord.GENESIS);
    }
    Row r = rows.get(0);
    return new Head(Integer.parseInt(r.get("last_number")), r.get("last_hash"));
  }

  /** "3,7" → [3, 7]; the column keeps the contract's post ids sorted. */
  public static List<Long> postIds(String joined) {
    if (joined == null || joined.isBlank()) {
      return List.of();
    }
    return Arrays.stream(joined.split(",")).map(String::trim).map(Long::parseLong).toList();
  }

  private static Item item(Row r) {
    return new Item(
        lng(r, "from_entity_id"),
        lng(r, "to_entity_id"),
        r.get("category"),
        r.get("description"),
        r.get("quantity"),
        r.get("when_text"),
        Canonical.decimal(r.get("value_pln")),
        Canonical.decimal(r.get("hours")));
  }

  private static Signature signature(Row r) {
    String behalf = r.get("on_behalf_by");
    return new Signature(
        lng(r, "entity_id"),
        lng(r, "person_id"),
        r.get("person_name"),
        r.get("method"),
        behalf == null ? null : Long.parseLong(behalf),
        Integer.parseInt(r.get("version")),
        r.get("content_hash"),
        instant(r.get("signed_at")));
  }

  private static Map<String, List<Row>> group(List<Row> rows) {
    Map<String, List<Row>> by = new LinkedHashMap<>();
    for (Row r : rows) {
      by.computeIfAbsent(r.get("contract_id"), k -> new ArrayList<>()).add(r);
    }
    return by;
  }

  private static long lng(Row r, String column) {
    return Long.parseLong(r.get(column));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
