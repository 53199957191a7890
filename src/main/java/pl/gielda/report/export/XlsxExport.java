package pl.gielda.report.export;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import pl.gielda.fair.Fair;
import pl.gielda.report.export.Column.Kind;
import pl.gielda.report.export.ExportTables.Table;

/**
 * The whole fair as one workbook, streamed: POI's SXSSF keeps only {@link #ROW_WINDOW} rows of a
 * sheet in memory and spills the rest to a compressed temporary file. Real number and date cells
 * (dates in Europe/Warsaw), PLN in a currency format, a frozen header row and an autofilter on
 * every sheet. The log's last number and the chain's head are in the summary sheet and in the
 * workbook's custom properties.
 */
public final class XlsxExport {

  static final int ROW_WINDOW = 100;
  private static final ZoneId WARSAW = ZoneId.of(Fair.TIME_ZONE);

  private XlsxExport() {}

  public static void write(ExportSnapshot s, OutputStream out) throws Exception {
    SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), ROW_WINDOW, true);
    try {
      properties(wb, s);
      Map<Kind, CellStyle> styles = styles(wb);
      CellStyle header = headerStyle(wb);
      for (Table t :
          List.of(Table.TALLIES, Table.CONTRACTS, Table.ITEMS, Table.ENTITIES, Table.PEOPLE)) {
        sheet(wb, s, t, styles, header);
      }
      wb.write(out);
      out.flush();
    } finally {
      wb.close();
      wb.dispose();
    }
  }

  private static void sheet(
      SXSSFWorkbook wb,
      ExportSnapshot s,
      Table t,
      Map<Kind, CellStyle> styles,
      CellStyle headerStyle)
      throws Exception {
    SXSSFSheet sheet = wb.createSheet(t.sheet);
    List<Column> columns = ExportTables.columns(t);
    Row head = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      Cell c = head.createCell(i);
      c.setCellValue(columns.get(i).header());
      c.setCellStyle(headerStyle);
      sheet.setColumnWidth(i, Math.min(255, columns.get(i).width() + 2) * 256);
    }
    sheet.createFreezePane(0, 1);
    int[] next = {1};
    ExportTables.stream(
        s,
        t,
        values -> {
          Row row = sheet.createRow(next[0]++);
          for (int i = 0; i < values.length; i++) {
            cell(row, i, columns.get(i).kind(), values[i], styles);
          }
        });
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next[0] - 1), 0, columns.size() - 1));
  }

  private static void cell(Row row, int i, Kind kind, Object v, Map<Kind, CellStyle> styles) {
    if (v == null) {
      return;
    }
    Cell c = row.createCell(i);
    switch (kind) {
      case INT -> c.setCellValue(((Number) v).doubleValue());
      case MONEY, HOURS -> c.setCellValue(((BigDecimal) v).doubleValue());
      case DATETIME -> c.setCellValue(LocalDateTime.ofInstant((Instant) v, WARSAW));
      case DATE -> c.setCellValue((LocalDate) v);
      case TEXT -> c.setCellValue(v.toString());
    }
    CellStyle style = styles.get(kind);
    if (style != null) {
      c.setCellStyle(style);
    }
  }

  private static Map<Kind, CellStyle> styles(SXSSFWorkbook wb) {
    DataFormat f = wb.createDataFormat();
    Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);
    styles.put(Kind.INT, style(wb, f.getFormat("0")));
    styles.put(Kind.MONEY, style(wb, f.getFormat("#,##0.00\\ \"zł\"")));
    styles.put(Kind.HOURS, style(wb, f.getFormat("0.0#")));
    styles.put(Kind.DATETIME, style(wb, f.getFormat("yyyy-mm-dd hh:mm")));
    styles.put(Kind.DATE, style(wb, f.getFormat("yyyy-mm-dd")));
    return styles;
  }

  private static CellStyle style(SXSSFWorkbook wb, short format) {
    CellStyle s = wb.createCellStyle();
    s.setDataFormat(format);
    return s;
  }

  private static CellStyle headerStyle(SXSSFWorkbook wb) {
    Font bold = wb.createFont();
    bold.setBold(true);
    CellStyle s = wb.createCellStyle();
    s.setFont(bold);
    s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return s;
  }

  private static void properties(SXSSFWorkbook wb, ExportSnapshot s) {
    var props = wb.getXSSFWorkbook().getProperties();
    props.getCoreProperties().setTitle("Giełda Zasobów — " + s.fair.name());
    props.getCoreProperties().setCreator("Giełda");
    var custom = props.getCustomProperties();
    custom.addProperty("gielda.fairId", String.valueOf(s.fair.id()));
    custom.addProperty("gielda.logSeq", String.valueOf(s.seq));
    custom.addProperty("gielda.chainHead", s.chainHead);
  }
}
