package pl.gielda.report.export;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import pl.gielda.fair.Fair;
import pl.gielda.report.export.ExportTables.Table;

/**
 * One table as CSV for Polish Excel and LibreOffice: UTF-8 with a BOM (so Excel does not guess
 * Windows-1250), semicolons (the list separator of the Polish locale, where the comma is the
 * decimal mark), CRLF, fields quoted per RFC 4180 when they hold a semicolon, a quote or a line
 * break. Numbers use a decimal comma and no thousands separator, dates are ISO ({@code 2026-05-16
 * 10:42}, Europe/Warsaw) — both read as numbers and dates by a Polish-locale Excel or LibreOffice.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
 * apostrophe.
 */
public final class CsvExport {

  static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(Fair.TIME_ZONE));

  static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setDelimiter(';')
          .setQuote('"')
          .setRecordSeparator("\r\n")
          .setQuoteMode(QuoteMode.MINIMAL)
          .get();

  private CsvExport() {}

  public static void write(ExportSnapshot s, Table table, OutputStream out) throws Exception {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    List<Column> columns = ExportTables.columns(table);
    CSVPrinter csv = new CSVPrinter(w, FORMAT);
    csv.printRecord(columns.stream().map(Column::header).toList());
    ExportTables.stream(
        s,
        table,
        values -> {
          String[] cells = new String[values.length];
          for (int i = 0; i < values.length; i++) {
            cells[i] = cell(columns.get(i), values[i]);
          }
          csv.printRecord((Object[]) cells);
        });
    csv.flush();
    w.flush();
  }

  static String cell(Column c, Object v) {
    if (v == null) {
      return "";
    }
    return switch (c.kind()) {
      case INT -> v.toString();
      case MONEY -> decimal(((BigDecimal) v).setScale(2, java.math.RoundingMode.HALF_UP));
      case HOURS -> decimal(((BigDecimal) v).stripTrailingZeros());
      case DATETIME -> DATE_TIME.format((Instant) v);
      case DATE -> ((LocalDate) v).toString();
      case TEXT -> safeText(v.toString());
    };
  }

  private static String decimal(BigDecimal v) {
    return v.toPlainString().replace('.', ',');
  }

  /** Keeps a spreadsheet from running text as a formula (CSV injection). */
  static String safeText(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }
}
