package pl.gielda.report.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole fair as one JSON document for the archive, streamed row by row: the fair, its
 * categories, entities, people (without badge tokens), posts, contracts with their parties, items
 * and signatures, follow-ups, the closing figures, the tallies and the complete event log. Rows of
 * each table are flat objects with the database's columns in camelCase; times are ISO-8601 UTC.
 */
public final class JsonArchive {

  public static final String FORMAT = "gielda-archive/1";

  private static final String REGISTERED_OR_NOT = "select id from contract where fair_id = ?";

  /** Name in the archive → query (one parameter: the fair id, repeated where needed). */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put(
        "categories",
        "select code, name_pl, name_en, position from category where fair_id = ? order by position");
    TABLES.put(
        "entities",
        "select id, name, sector, town, contact, created_at from entity where fair_id = ?"
            + " order by id");
    TABLES.put(
        "people",
        "select id, entity_id, display_name, roles, checked_in_at, created_at from person"
            + " where fair_id = ? order by id");
    TABLES.put(
        "posts",
        "select id, entity_id, author_id, on_behalf_by, kind, category, title, description,"
            + " quantity, availability, town, value_pln, hours, status, hidden, hidden_reason,"
            + " created_at, updated_at from post where fair_id = ? order by id");
    TABLES.put(
        "contracts",
        "select id, number, status, source, origin, title, notes, post_ids, version,"
            + " content_hash, money_flagged, created_at, updated_at, signed_at, returned_reason,"
            + " returned_at, withdrawn_at, withdrawn_reason, registered_at, registered_by_name,"
            + " money_justification, prev_hash, record_hash from contract where fair_id = ?"
            + " order by number nulls last, id");
    TABLES.put(
        "contractParties",
        "select contract_id, position, entity_id, entity_name, sector from contract_party"
            + " where contract_id in ("
            + REGISTERED_OR_NOT
            + ") order by contract_id, position");
    TABLES.put(
        "contractItems",
        "select contract_id, position, from_entity_id, to_entity_id, category, description,"
            + " quantity, when_text, value_pln, hours from contract_item where contract_id in ("
            + REGISTERED_OR_NOT
            + ") order by contract_id, position");
    TABLES.put(
        "signatures",
        "select contract_id, entity_id, person_id, person_name, method, on_behalf_by, version,"
            + " content_hash, signed_at from contract_signature where contract_id in ("
            + REGISTERED_OR_NOT
            + ") order by contract_id, entity_id");
    TABLES.put(
        "followUps",
        "select id, contract_id, version, status, status_date, note, set_by_name, person_id,"
            + " entity_id, created_at from contract_follow_up where fair_id = ?"
            + " order by contract_id, version");
    TABLES.put(
        "closing",
        "select seq, chain_head, contracts, matches, mismatch, computed_at, tallies"
            + " from fair_closing where fair_id = ?");
  }

  private JsonArchive() {}

  public static void write(ExportSnapshot s, ObjectMapper mapper, OutputStream out)
      throws Exception {
    JsonGenerator g = mapper.getFactory().createGenerator(out);
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeNumberField("fairId", s.fair.id());
    g.writeNumberField("logSeq", s.seq);
    g.writeStringField("chainHead", s.chainHead);
    g.writeNumberField("registeredContracts", s.registered);
    g.writeStringField("exportedAt", s.takenAt.toString());
    g.writeObjectFieldStart("fair");
    g.writeNumberField("id", s.fair.id());
    g.writeStringField("name", s.fair.name());
    g.writeStringField("venue", s.fair.venue());
    g.writeStringField("startsAt", s.fair.startsAt().toString());
    g.writeStringField("endsAt", s.fair.endsAt().toString());
    g.writeStringField("phase", s.fair.phase());
    g.writeEndObject();
    g.writeFieldName("tallies");
    mapper.writeValue(nonClosing(g), s.tallies);
    for (var table : TABLES.entrySet()) {
      g.writeArrayFieldStart(table.getKey());
      rows(s, g, table.getValue());
      g.writeEndArray();
      g.flush();
    }
    g.writeArrayFieldStart("events");
    rows(
        s,
        g,
        "select seq, type, created_at, payload from fair_event where fair_id = ? and seq <= "
            + s.seq
            + " order by seq");
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  private static void rows(ExportSnapshot s, JsonGenerator g, String sql) throws Exception {
    long fair = s.fair.id();
    Object[] params = new Object[count(sql, '?')];
    java.util.Arrays.fill(params, fair);
    s.query(
        sql,
        rs -> {
          ResultSetMetaData md = rs.getMetaData();
          try {
            g.writeStartObject();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String name = camel(md.getColumnLabel(i));
              Object v = rs.getObject(i);
              g.writeFieldName(name);
              if (v == null) {
                g.writeNull();
              } else if (md.getColumnTypeName(i).startsWith("json")) {
                g.writeRawValue(rs.getString(i));
              } else if (md.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                  || md.getColumnTypeName(i).equals("timestamptz")) {
                g.writeString(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
              } else if (v instanceof Number n) {
                g.writeNumber(n.toString());
              } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
              } else {
                g.writeString(v.toString());
              }
            }
            g.writeEndObject();
          } catch (java.io.IOException e) {
            throw new SQLException("The client went away", e);
          }
        },
        params);
  }

  private static JsonGenerator nonClosing(JsonGenerator g) {
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  static String camel(String column) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : column.toCharArray()) {
      if (ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }
}
