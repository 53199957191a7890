package pl.gielda.participant;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pl.gielda.auth.Role;
import pl.gielda.common.error.Problem.RowError;

/**
 * Reads a roster of entities and people in whatever Excel saved (UTF-8 with or without BOM,
 * Windows-1250, ISO-8859-2: {@link RosterCharset}), comma or semicolon, a header row with English
 * or Polish column names. Every problem is reported with its line number; the caller imports
 * nothing unless the whole file is valid.
 */
public final class RosterCsv {

  public static final int MAX_ROWS = 5000;

  public record Row(
      int line,
      String entity,
      Sector sector,
      String town,
      String contact,
      String person,
      EnumSet<Role> roles) {}

  /** {@code charset}: how the file was read ({@code UTF-8}, {@code windows-1250}, …). */
  public record Result(List<Row> rows, List<RowError> errors, String charset) {
    public boolean valid() {
      return errors.isEmpty();
    }

    /** Lines with at least one problem (a line may have several). */
    public long invalidLines() {
      return errors.stream().mapToInt(RowError::line).distinct().count();
    }
  }

  /** The sectors a roster may name, as the hint and the row errors list them. */
  public static final String ACCEPTED_SECTORS =
      "publiczny/PUBLIC, pozarządowy/NGO, biznes/BUSINESS, grupa nieformalna/INFORMAL_GROUP,"
          + " osoba prywatna/INDIVIDUAL";

  /** The columns a header may name, Polish and English. */
  public static final String ACCEPTED_COLUMNS =
      "podmiot/entity; sektor/sector; miejscowość/town; kontakt/contact; osoba/person; rola/roles";

  static RowError error(int line, String code, String reason) {
    return new RowError(line, reason, "roster." + code, Map.of());
  }

  static RowError error(int line, String code, String reason, Map<String, Object> params) {
    return new RowError(line, reason, "roster." + code, params);
  }

  private static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("entity", "entity"),
          Map.entry("podmiot", "entity"),
          Map.entry("organizacja", "entity"),
          Map.entry("nazwa", "entity"),
          Map.entry("sector", "sector"),
          Map.entry("sektor", "sector"),
          Map.entry("town", "town"),
          Map.entry("miejscowosc", "town"),
          Map.entry("miasto", "town"),
          Map.entry("contact", "contact"),
          Map.entry("kontakt", "contact"),
          Map.entry("person", "person"),
          Map.entry("osoba", "person"),
          Map.entry("imie i nazwisko", "person"),
          Map.entry("roles", "roles"),
          Map.entry("role", "roles"),
          Map.entry("rola", "roles"));

  private RosterCsv() {}

  public static Result parse(byte[] bytes) {
    List<RowError> errors = new ArrayList<>();
    RosterCharset.Decoded decoded = RosterCharset.decode(bytes);
    String text = decoded.text();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return new Result(List.of(), List.of(error(0, "empty", "The file is empty")), decoded.name());
    }
    char delimiter = detectDelimiter(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> columns = null;
      Map<String, Sector> sectorOfEntity = new HashMap<>();
      Map<String, Integer> people = new HashMap<>();
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber();
        if (columns == null) {
          columns = header(record, errors);
          if (!errors.isEmpty()) {
            return new Result(List.of(), errors, decoded.name());
          }
          continue;
        }
        if (rows.size() + errors.size() >= MAX_ROWS) {
          errors.add(
              error(
                  line,
                  "too-many-rows",
                  "Too many rows: at most " + MAX_ROWS + " per file",
                  Map.of("max", MAX_ROWS)));
          break;
        }
        Row row = row(record, line, columns, errors);
        if (row == null) {
          continue;
        }
        String key = row.entity().toLowerCase(Locale.ROOT);
        Sector seen = sectorOfEntity.putIfAbsent(key, row.sector());
        if (seen != null && seen != row.sector()) {
          errors.add(
              error(
                  line,
                  "sector-differs",
                  "Entity „" + row.entity() + "” has sector " + seen + " on another line",
                  Map.of("entity", row.entity(), "sector", seen.name())));
          continue;
        }
        if (row.person() != null) {
          String personKey = key + "|" + row.person().toLowerCase(Locale.ROOT);
          Integer earlier = people.putIfAbsent(personKey, line);
          if (earlier != null) {
            errors.add(
                error(
                    line,
                    "person-duplicate",
                    "The same person is already on line " + earlier,
                    Map.of("earlier", earlier)));
            continue;
          }
        }
        rows.add(row);
      }
      if (columns == null) {
        errors.add(error(0, "no-header", "The file has no header row"));
      }
    } catch (IOException | RuntimeException e) {
      errors.add(error(0, "not-csv", "The file is not valid CSV (check quotes)"));
    }
    return new Result(rows, errors, decoded.name());
  }

  private static Map<String, Integer> header(CSVRecord record, List<RowError> errors) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = HEADERS.get(fold(record.get(i)));
      if (name != null) {
        columns.putIfAbsent(name, i);
      }
    }
    if (!columns.containsKey("entity") && !columns.containsKey("person")) {
      errors.add(
          error(
              1,
              "header-unknown",
              "The header must name the columns: " + ACCEPTED_COLUMNS,
              Map.of("columns", ACCEPTED_COLUMNS)));
    } else if (!columns.containsKey("sector")) {
      errors.add(
          error(
              1,
              "header-no-sector",
              "The header has no „sector” („sektor”) column",
              Map.of("columns", ACCEPTED_COLUMNS)));
    }
    return columns;
  }

  private static Row row(
      CSVRecord record, int line, Map<String, Integer> columns, List<RowError> errors) {
    String entity = cell(record, columns, "entity");
    String person = cell(record, columns, "person");
    String sectorText = cell(record, columns, "sector");
    String town = cell(record, columns, "town");
    String contact = cell(record, columns, "contact");
    String rolesText = cell(record, columns, "roles");
    int before = errors.size();
    Sector sector = Sector.parse(sectorText).orElse(null);
    if (sector == null && sectorText == null) {
      errors.add(
          error(
              line,
              "sector-missing",
              "sector is missing; accepted: " + ACCEPTED_SECTORS,
              Map.of("accepted", ACCEPTED_SECTORS)));
    } else if (sector == null) {
      errors.add(
          error(
              line,
              "sector-unknown",
              "unknown sector „" + sectorText + "”",
              Map.of("value", sectorText, "accepted", ACCEPTED_SECTORS)));
    }
    if (entity == null && sector == Sector.INDIVIDUAL && person != null) {
      entity = person;
    }
    if (entity == null) {
      errors.add(error(line, "entity-missing", "entity name is missing"));
    }
    tooLong(errors, line, "entity", entity, 200);
    tooLong(errors, line, "town", town, 100);
    tooLong(errors, line, "contact", contact, 200);
    tooLong(errors, line, "person", person, 120);
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (rolesText != null) {
      for (String r : rolesText.split("[|,/ ]+")) {
        if (r.isBlank()) {
          continue;
        }
        Role role = polishRole(r);
        if (role == null) {
          errors.add(error(line, "role-unknown", "unknown role „" + r + "”", Map.of("value", r)));
        } else {
          roles.add(role);
        }
      }
    }
    if (person == null && !roles.isEmpty()) {
      errors.add(error(line, "roles-without-person", "roles given but no person"));
    }
    if (roles.isEmpty()) {
      roles.add(Role.PARTICIPANT);
    }
    if (errors.size() > before) {
      return null;
    }
    return new Row(line, entity, sector, town, contact, person, roles);
  }

  private static Role polishRole(String raw) {
    return switch (fold(raw)) {
      case "participant", "uczestnik", "uczestniczka" -> Role.PARTICIPANT;
      case "animator", "animatorka", "help desk", "punkt informacyjny" -> Role.ANIMATOR;
      case "notary", "notariusz", "moderator", "moderatorka" -> Role.NOTARY;
      default -> null;
    };
  }

  private static void tooLong(
      List<RowError> errors, int line, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(
          error(
              line,
              "too-long",
              field + " is longer than " + max + " characters",
              Map.of("column", field, "max", max)));
    }
  }

  private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    if (i == null || i >= record.size()) {
      return null;
    }
    String v = record.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  static char detectDelimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    return semicolons >= commas && semicolons > 0 ? ';' : ',';
  }

  private static String fold(String s) {
    return Normalizer.normalize(
            s.trim().toLowerCase(Locale.ROOT).replace('ł', 'l'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[_\\s]+", " ");
  }
}
