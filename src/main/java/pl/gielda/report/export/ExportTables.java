package pl.gielda.report.export;

import static pl.gielda.report.export.Column.Kind.DATE;
import static pl.gielda.report.export.Column.Kind.DATETIME;
import static pl.gielda.report.export.Column.Kind.HOURS;
import static pl.gielda.report.export.Column.Kind.INT;
import static pl.gielda.report.export.Column.Kind.MONEY;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pl.gielda.auth.Role;
import pl.gielda.participant.Sector;
import pl.gielda.report.tally.Tallies;

/**
 * The tables every export is made of (contracts, items, entities, people, tallies): their columns
 * and how their rows are read, page by page, from one {@link ExportSnapshot}. The XLSX sheets and
 * the CSV files are the same tables.
 */
public final class ExportTables {

  /** A table's rows go to a sink as they are read: nothing is collected in memory. */
  public interface Sink {
    void row(Object[] values) throws java.io.IOException;
  }

  public enum Table {
    CONTRACTS("Kontrakty", "kontrakty"),
    ITEMS("Pozycje", "pozycje"),
    ENTITIES("Podmioty", "podmioty"),
    PEOPLE("Osoby", "osoby"),
    TALLIES("Podsumowanie", "podsumowanie");

    public final String sheet;
    public final String file;

    Table(String sheet, String file) {
      this.sheet = sheet;
      this.file = file;
    }

    public static Table parse(String raw) {
      if (raw == null) {
        return null;
      }
      String v = raw.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values())
          .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(v) || t.file.equals(v))
          .findFirst()
          .orElse(null);
    }
  }

  public static final Map<String, String> FOLLOW_UP_PL =
      Map.of(
          "DELIVERED", "zrealizowany",
          "IN_PROGRESS", "w trakcie",
          "NO_CONTACT", "brak kontaktu",
          "NOT_FEASIBLE", "niewykonalny");

  private static final String SECTOR_PL;

  static {
    StringBuilder sb = new StringBuilder("case %s");
    for (Sector s : Sector.values()) {
      sb.append(" when '").append(s.name()).append("' then '").append(s.polish()).append("'");
    }
    SECTOR_PL = sb.append(" else %s end").toString();
  }

  private static String sectorPl(String column) {
    return SECTOR_PL.formatted(column, column);
  }

  private ExportTables() {}

  public static List<Column> columns(Table t) {
    return switch (t) {
      case CONTRACTS ->
          List.of(
              Column.of("Nr", INT),
              Column.of("Zarejestrowano", DATETIME),
              Column.text("Tytuł", 30),
              Column.text("Strony", 50),
              Column.of("Pozycji", INT),
              Column.of("Wartość (zł)", MONEY),
              Column.of("Godziny", HOURS),
              Column.text("Źródło", 10),
              Column.text("Pieniądze", 28),
              Column.text("Uzasadnienie notariusza", 40),
              Column.text("Status realizacji", 16),
              Column.of("Data statusu", DATE),
              Column.text("Notatka", 40),
              Column.text("Hash rekordu", 20),
              Column.of("ID", INT));
      case ITEMS ->
          List.of(
              Column.of("Nr kontraktu", INT),
              Column.of("Poz.", INT),
              Column.text("Daje", 35),
              Column.text("Sektor dającego", 16),
              Column.text("Otrzymuje", 35),
              Column.text("Sektor otrzymującego", 16),
              Column.text("Kategoria", 20),
              Column.text("Opis", 45),
              Column.text("Ilość", 16),
              Column.text("Kiedy", 16),
              Column.of("Wartość (zł)", MONEY),
              Column.of("Godziny", HOURS));
      case ENTITIES ->
          List.of(
              Column.of("ID", INT),
              Column.text("Nazwa", 40),
              Column.text("Sektor", 16),
              Column.text("Miejscowość", 16),
              Column.text("Kontakt", 25),
              Column.of("Osób", INT),
              Column.of("Kontraktów", INT),
              Column.of("Daje (zł)", MONEY),
              Column.of("Otrzymuje (zł)", MONEY),
              Column.of("Daje (godz.)", HOURS),
              Column.of("Otrzymuje (godz.)", HOURS),
              Column.of("Dodano", DATETIME));
      case PEOPLE ->
          List.of(
              Column.of("ID", INT),
              Column.text("Imię i nazwisko", 28),
              Column.text("Podmiot", 40),
              Column.text("Sektor", 16),
              Column.text("Role", 20),
              Column.of("Obecność od", DATETIME),
              Column.of("Dodano", DATETIME));
      case TALLIES ->
          List.of(
              Column.text("Sekcja", 22),
              Column.text("Pozycja", 40),
              Column.of("Liczba", INT),
              Column.of("Wartość (zł)", MONEY),
              Column.of("Godziny", HOURS),
              Column.text("Tekst", 66));
    };
  }

  public static void stream(ExportSnapshot s, Table t, Sink sink) throws Exception {
    switch (t) {
      case CONTRACTS -> contracts(s, sink);
      case ITEMS -> items(s, sink);
      case ENTITIES -> entities(s, sink);
      case PEOPLE -> people(s, sink);
      case TALLIES -> tallies(s, sink);
    }
  }

  static final String CONTRACTS_SQL =
      "select c.id, c.number, c.registered_at, c.title, c.source, c.record_hash,"
          + " c.money_flagged, c.money_justification,"
          + " (select string_agg(p.entity_name || ' (' || "
          + sectorPl("p.sector")
          + " || ')', '; ' order by p.position) from contract_party p where p.contract_id = c.id)"
          + " as parties,"
          + " (select count(*) from contract_item i where i.contract_id = c.id) as items,"
          + " (select sum(i.value_pln) from contract_item i where i.contract_id = c.id) as value_pln,"
          + " (select sum(i.hours) from contract_item i where i.contract_id = c.id) as hours,"
          + " f.status as follow_up, f.status_date, f.note"
          + " from contract c left join lateral (select status, status_date, note"
          + " from contract_follow_up u where u.contract_id = c.id order by version desc limit 1) f"
          + " on true where c.fair_id = ? and c.status = 'REGISTERED' order by c.number";

  private static void contracts(ExportSnapshot s, Sink sink) throws Exception {
    s.query(
        CONTRACTS_SQL,
        rs ->
            emit(
                sink,
                rs.getLong("number"),
                ExportSnapshot.instant(rs, "registered_at"),
                rs.getString("title"),
                rs.getString("parties"),
                rs.getLong("items"),
                rs.getBigDecimal("value_pln"),
                rs.getBigDecimal("hours"),
                "PAPER".equals(rs.getString("source")) ? "papier" : "aplikacja",
                moneyPl(rs.getBoolean("money_flagged")),
                rs.getString("money_justification"),
                followUpPl(rs.getString("follow_up")),
                date(rs, "status_date"),
                rs.getString("note"),
                rs.getString("record_hash"),
                rs.getLong("id")),
        s.fair.id());
  }

  static final String ITEMS_SQL =
      "select c.number, i.position, pf.entity_name as from_name, "
          + sectorPl("pf.sector")
          + " as from_sector, pt.entity_name as to_name, "
          + sectorPl("pt.sector")
          + " as to_sector, i.category, i.description, i.quantity, i.when_text, i.value_pln,"
          + " i.hours from contract_item i join contract c on c.id = i.contract_id"
          + " join contract_party pf on pf.contract_id = i.contract_id"
          + " and pf.entity_id = i.from_entity_id"
          + " join contract_party pt on pt.contract_id = i.contract_id"
          + " and pt.entity_id = i.to_entity_id"
          + " where c.fair_id = ? and c.status = 'REGISTERED' order by c.number, i.position";

  private static void items(ExportSnapshot s, Sink sink) throws Exception {
    s.query(
        ITEMS_SQL,
        rs ->
            emit(
                sink,
                rs.getLong("number"),
                (long) rs.getInt("position") + 1,
                rs.getString("from_name"),
                rs.getString("from_sector"),
                rs.getString("to_name"),
                rs.getString("to_sector"),
                s.category(rs.getString("category")),
                rs.getString("description"),
                rs.getString("quantity"),
                rs.getString("when_text"),
                rs.getBigDecimal("value_pln"),
                rs.getBigDecimal("hours")),
        s.fair.id());
  }

  /** Per entity: people, registered contracts, and the value given and received in them. */
  public static final String ENTITIES_SQL =
      "with reg as (select id from contract where fair_id = ? and status = 'REGISTERED'),"
          + " given as (select from_entity_id as eid, sum(value_pln) as v, sum(hours) as h"
          + " from contract_item where contract_id in (select id from reg) group by 1),"
          + " received as (select to_entity_id as eid, sum(value_pln) as v, sum(hours) as h"
          + " from contract_item where contract_id in (select id from reg) group by 1),"
          + " deals as (select entity_id as eid, count(*) as n from contract_party"
          + " where contract_id in (select id from reg) group by 1),"
          + " staff as (select entity_id as eid, count(*) as n from person where fair_id = ?"
          + " group by 1)"
          + " select e.id, e.name, e.sector, e.town, e.contact, e.created_at,"
          + " coalesce(staff.n, 0) as people, coalesce(deals.n, 0) as contracts,"
          + " coalesce(given.v, 0) as given_pln, coalesce(received.v, 0) as received_pln,"
          + " coalesce(given.h, 0) as given_hours, coalesce(received.h, 0) as received_hours"
          + " from entity e left join given on given.eid = e.id"
          + " left join received on received.eid = e.id left join deals on deals.eid = e.id"
          + " left join staff on staff.eid = e.id where e.fair_id = ? order by e.id";

  private static void entities(ExportSnapshot s, Sink sink) throws Exception {
    long fair = s.fair.id();
    s.query(
        ENTITIES_SQL,
        rs ->
            emit(
                sink,
                rs.getLong("id"),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")).polish(),
                rs.getString("town"),
                rs.getString("contact"),
                rs.getLong("people"),
                rs.getLong("contracts"),
                rs.getBigDecimal("given_pln"),
                rs.getBigDecimal("received_pln"),
                rs.getBigDecimal("given_hours"),
                rs.getBigDecimal("received_hours"),
                ExportSnapshot.instant(rs, "created_at")),
        fair,
        fair,
        fair);
  }

  private static void people(ExportSnapshot s, Sink sink) throws Exception {
    s.query(
        "select p.id, p.display_name, e.name as entity, e.sector, p.roles, p.checked_in_at,"
            + " p.created_at from person p join entity e on e.id = p.entity_id"
            + " where p.fair_id = ? order by p.id",
        rs ->
            emit(
                sink,
                rs.getLong("id"),
                rs.getString("display_name"),
                rs.getString("entity"),
                Sector.valueOf(rs.getString("sector")).polish(),
                roles(rs.getString("roles")),
                ExportSnapshot.instant(rs, "checked_in_at"),
                ExportSnapshot.instant(rs, "created_at")),
        s.fair.id());
  }

  private static void tallies(ExportSnapshot s, Sink sink) throws Exception {
    for (Object[] row : tallyRows(s)) {
      sink.row(row);
    }
  }

  /** The tallies as rows: section, label, count, PLN, hours, text. */
  public static List<Object[]> tallyRows(ExportSnapshot s) {
    Tallies t = s.tallies;
    List<Object[]> rows = new ArrayList<>();
    rows.add(r("Stan", "Giełda", null, null, null, s.fair.name()));
    rows.add(r("Stan", "Numer ostatniego zdarzenia w dzienniku", s.seq, null, null, null));
    rows.add(r("Stan", "Głowa łańcucha kontraktów (SHA-256)", null, null, null, s.chainHead));
    Tallies.Headline h = t.headline();
    rows.add(r("Liczby", "Osoby zarejestrowane", h.people(), null, null, null));
    rows.add(r("Liczby", "Osoby obecne", h.present(), null, null, null));
    rows.add(r("Liczby", "Podmioty", h.entities(), null, null, null));
    rows.add(r("Liczby", "Oferty (aktywne)", h.offers(), null, null, null));
    rows.add(r("Liczby", "Potrzeby (aktywne)", h.requests(), null, null, null));
    rows.add(r("Liczby", "Kontrakty zarejestrowane", h.contracts(), null, null, null));
    rows.add(r("Liczby", "Pozycje kontraktów", h.items(), h.valuePln(), h.hours(), null));
    rows.add(
        r(
            "Liczby",
            "Kontrakty ze wzmianką o pieniądzach (zarejestrowane z uzasadnieniem)",
            s.money.contracts(),
            null,
            null,
            null));
    rows.add(r("Liczby", "Pozycje tych kontraktów", s.money.items(), null, null, null));
    t.entitiesBySector()
        .forEach(
            (sector, n) ->
                rows.add(r("Podmioty wg sektora", sector.polish(), n, null, null, null)));
    for (Tallies.CategoryTally c : t.itemsByCategory()) {
      rows.add(
          r(
              "Pozycje wg kategorii",
              s.category(c.category()),
              c.items(),
              c.valuePln(),
              c.hours(),
              null));
    }
    for (Tallies.SectorPair p : t.sectorPairs()) {
      if (p.items() > 0) {
        rows.add(
            r(
                "Sektor daje → sektor",
                p.from().polish() + " → " + p.to().polish(),
                p.items(),
                p.valuePln(),
                p.hours(),
                null));
      }
    }
    t.offersByCategory()
        .forEach((c, n) -> rows.add(r("Oferty wg kategorii", s.category(c), n, null, null, null)));
    t.requestsByCategory()
        .forEach(
            (c, n) -> rows.add(r("Potrzeby wg kategorii", s.category(c), n, null, null, null)));
    Tallies.FollowUpTally f = t.followUp();
    f.byStatus()
        .forEach(
            (status, n) ->
                rows.add(
                    r(
                        "Realizacja",
                        FOLLOW_UP_PL.getOrDefault(status, "bez informacji"),
                        n,
                        null,
                        null,
                        null)));
    rows.add(
        r(
            "Realizacja",
            "Wartość zrealizowanych kontraktów",
            f.deliveredContracts(),
            f.deliveredValuePln(),
            f.deliveredHours(),
            null));
    return rows;
  }

  /** The money flag in words, the same in every export. */
  public static String moneyPl(boolean flagged) {
    return flagged ? MONEY_FLAGGED_PL : "bez pieniędzy";
  }

  public static final String MONEY_FLAGGED_PL = "wzmianka o pieniądzach, uzasadniona";

  public static String followUpPl(String status) {
    return status == null ? null : FOLLOW_UP_PL.getOrDefault(status, status);
  }

  private static Object[] r(
      String section, String label, Long n, BigDecimal pln, BigDecimal hours, String text) {
    return new Object[] {section, label, n, pln, hours, text};
  }

  private static void emit(Sink sink, Object... values) throws SQLException {
    try {
      sink.row(values);
    } catch (java.io.IOException e) {
      throw new SQLException("The client went away", e);
    }
  }

  private static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, java.time.LocalDate.class);
  }

  static String roles(String joined) {
    List<String> out = new ArrayList<>();
    for (Role r : Role.split(joined)) {
      out.add(
          switch (r) {
            case PARTICIPANT -> "uczestnik";
            case ANIMATOR -> "animator";
            case NOTARY -> "notariusz";
            default -> r.group();
          });
    }
    return String.join(", ", out);
  }
}
