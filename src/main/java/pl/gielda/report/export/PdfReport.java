package pl.gielda.report.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import pl.gielda.fair.Fair;
import pl.gielda.participant.Sector;
import pl.gielda.report.tally.Tallies;
import pl.gielda.report.tally.Tallies.CategoryTally;
import pl.gielda.report.tally.Tallies.Headline;
import pl.gielda.report.tally.Tallies.SectorPair;

/**
 * The report for funders: headline figures, bars by category and the sector-pair matrix drawn with
 * PDF primitives, then the list of registered contracts, read page by page. Helvetica in Cp1250
 * covers Polish letters without embedding a font; other characters become "?". Every page's footer
 * states the log's last number and the contract chain's head.
 */
public final class PdfReport {

  private static final float MM = 72f / 25.4f;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d.MM.yyyy").withZone(ZoneId.of(Fair.TIME_ZONE));
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d.MM HH:mm").withZone(ZoneId.of(Fair.TIME_ZONE));
  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color BAR = new Color(0x2d, 0xa4, 0x4e);
  private static final Color GRID = new Color(0xcc, 0xcc, 0xcc);

  private PdfReport() {}

  public static void write(ExportSnapshot s, OutputStream out) throws Exception {
    BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1250, false);
    BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1250, false);
    Document doc = new Document(PageSize.A4, 18 * MM, 18 * MM, 18 * MM, 20 * MM);
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    writer.setPageEvent(new Footer(regular, s));
    doc.addTitle(clean("Giełda Zasobów — raport — " + s.fair.name()));
    doc.addCreator("Giełda");
    doc.open();
    Tallies t = s.tallies;
    doc.add(new Paragraph(clean("Giełda Zasobów — raport"), new Font(bold, 20, Font.NORMAL, INK)));
    doc.add(
        new Paragraph(
            clean(
                s.fair.name()
                    + " · "
                    + s.fair.venue()
                    + " · "
                    + DAY.format(s.fair.startsAt())
                    + " · stan na "
                    + TIME.format(s.takenAt)),
            new Font(regular, 10, Font.NORMAL, INK)));
    // The cards start below the title and the subtitle however many lines a long name takes.
    headline(
        writer.getDirectContent(),
        regular,
        bold,
        t.headline(),
        s.money,
        writer.getVerticalPosition(true) - 8 * MM);
    doc.newPage();
    categories(writer.getDirectContent(), regular, bold, s, t.itemsByCategory(), doc);
    doc.newPage();
    matrix(writer.getDirectContent(), regular, bold, t.sectorPairs(), doc);
    doc.newPage();
    contracts(doc, regular, bold, s);
    doc.close();
  }

  private static void headline(
      PdfContentByte c,
      BaseFont regular,
      BaseFont bold,
      Headline h,
      ExportSnapshot.MoneyNote money,
      float below) {
    String[][] figures = {
      {Polish.plural(h.people(), "osoba", "osoby", "osób"), "zarejestrowanych uczestników", ""},
      {Polish.plural(h.present(), "osoba", "osoby", "osób"), "obecnych na Giełdzie", ""},
      {
        Polish.plural(h.entities(), "podmiot", "podmioty", "podmiotów"),
        "instytucji, organizacji, firm i osób",
        ""
      },
      {
        Polish.plural(h.contracts(), "kontrakt", "kontrakty", "kontraktów"),
        "zarejestrowanych przez notariusza",
        ""
      },
      itemsFigure(h.items(), money),
      {Polish.pln(h.valuePln()), "szacunkowa wartość wymienionych zasobów", ""},
      {Polish.decimal(h.hours()) + " godz.", "czasu pracy i wolontariatu", ""},
      {
        Polish.plural(h.offers(), "oferta", "oferty", "ofert")
            + " · "
            + Polish.plural(h.requests(), "potrzeba", "potrzeby", "potrzeb"),
        "aktywnych na tablicy",
        ""
      },
    };
    // y is a card's baseline row; the card spans y - 6 mm … y + 22 mm.
    float top = below - 22 * MM;
    for (int i = 0; i < figures.length; i++) {
      float x = 18 * MM + (i % 2) * 88 * MM;
      float y = top - (i / 2) * 32 * MM;
      c.setColorFill(new Color(0xf2, 0xf5, 0xf3));
      c.rectangle(x, y - 6 * MM, 84 * MM, 28 * MM);
      c.fill();
      c.setColorFill(INK);
      text(c, bold, 17, x + 4 * MM, y + 12 * MM, figures[i][0]);
      text(c, regular, 9, x + 4 * MM, y + 4 * MM, figures[i][1]);
      if (!figures[i][2].isEmpty()) {
        text(c, regular, 8, x + 4 * MM, y - 0.5f * MM, figures[i][2]);
      }
    }
  }

  /**
   * "Without money" only when no registered contract mentions money; otherwise the card says how
   * many items are in contracts the notary registered with a justification, as the register does.
   */
  static String[] itemsFigure(long items, ExportSnapshot.MoneyNote money) {
    String figure = Polish.plural(items, "świadczenie", "świadczenia", "świadczeń");
    if (money.contracts() == 0) {
      return new String[] {figure, "wymienionych bez pieniędzy", ""};
    }
    return new String[] {
      figure,
      "wymienionych w kontraktach; w tym "
          + Polish.plural(money.items(), "świadczenie", "świadczenia", "świadczeń"),
      "w "
          + Polish.plural(money.contracts(), "kontrakcie", "kontraktach", "kontraktach")
          + " z uzasadnioną wzmianką o pieniądzach"
    };
  }

  private static void categories(
      PdfContentByte c,
      BaseFont regular,
      BaseFont bold,
      ExportSnapshot s,
      List<CategoryTally> cats,
      Document doc) {
    float left = 18 * MM;
    float top = PageSize.A4.getHeight() - 22 * MM;
    text(c, bold, 15, left, top, "Wymienione zasoby wg kategorii");
    text(c, regular, 9, left, top - 6 * MM, "Liczba świadczeń (pasek) i ich szacunkowa wartość");
    long max = cats.stream().mapToLong(CategoryTally::items).max().orElse(1);
    float labelW = 45 * MM;
    float barMax = PageSize.A4.getWidth() - left * 2 - labelW - 40 * MM;
    float y = top - 18 * MM;
    List<CategoryTally> sorted =
        cats.stream().sorted((a, b) -> Long.compare(b.items(), a.items())).toList();
    for (CategoryTally k : sorted) {
      float w = Math.max(1, barMax * k.items() / (float) Math.max(1, max));
      c.setColorFill(INK);
      text(c, regular, 9, left, y + 1.5f * MM, fit(s.category(k.category()), 28));
      c.setColorFill(BAR);
      c.rectangle(left + labelW, y, w, 6 * MM);
      c.fill();
      c.setColorFill(INK);
      text(
          c,
          regular,
          8,
          left + labelW + w + 2 * MM,
          y + 1.5f * MM,
          k.items() + " · " + Polish.pln(k.valuePln()));
      y -= 9 * MM;
      if (y < 25 * MM) {
        break;
      }
    }
    if (cats.isEmpty()) {
      text(c, regular, 10, left, y, "Brak zarejestrowanych kontraktów.");
    }
  }

  private static void matrix(
      PdfContentByte c, BaseFont regular, BaseFont bold, List<SectorPair> pairs, Document doc) {
    float left = 18 * MM;
    float top = PageSize.A4.getHeight() - 22 * MM;
    text(c, bold, 15, left, top, "Kto komu daje: sektory");
    text(
        c,
        regular,
        9,
        left,
        top - 6 * MM,
        "Wiersz: sektor dający, kolumna: sektor otrzymujący; liczba świadczeń i wartość");
    Sector[] sectors = Sector.values();
    float labelW = 34 * MM;
    float cell = (PageSize.A4.getWidth() - 2 * left - labelW) / sectors.length;
    float cellH = 16 * MM;
    float gridTop = top - 30 * MM;
    long max = pairs.stream().mapToLong(SectorPair::items).max().orElse(1);
    // Labels are measured: one that does not fit its column or the label column wraps onto two
    // lines (the sector names are at most two words), so no label runs into a neighbouring cell.
    for (int j = 0; j < sectors.length; j++) {
      c.setColorFill(INK);
      List<String> lines = wrap(bold, 7.5f, sectors[j].polish(), cell - 3 * MM);
      for (int k = 0; k < lines.size(); k++) {
        text(
            c,
            bold,
            7.5f,
            left + labelW + j * cell + 1.5f * MM,
            gridTop + 3 * MM + (lines.size() - 1 - k) * 3.4f * MM,
            lines.get(k));
      }
    }
    for (int i = 0; i < sectors.length; i++) {
      float y = gridTop - (i + 1) * cellH;
      c.setColorFill(INK);
      List<String> lines = wrap(bold, 8, sectors[i].polish(), labelW - 3 * MM);
      float first = y + cellH / 2 - 1.5f * MM + (lines.size() - 1) * 1.8f * MM;
      for (int k = 0; k < lines.size(); k++) {
        text(c, bold, 8, left, first - k * 3.6f * MM, lines.get(k));
      }
      for (int j = 0; j < sectors.length; j++) {
        SectorPair p = pairs.get(i * sectors.length + j);
        float x = left + labelW + j * cell;
        float share = max == 0 ? 0 : p.items() / (float) Math.max(1, max);
        c.setColorFill(mix(Color.WHITE, BAR, share));
        c.rectangle(x, y, cell, cellH);
        c.fill();
        c.setColorStroke(GRID);
        c.setLineWidth(0.5f);
        c.rectangle(x, y, cell, cellH);
        c.stroke();
        c.setColorFill(share > 0.6f ? Color.WHITE : INK);
        text(c, bold, 10, x + 2 * MM, y + cellH - 6 * MM, String.valueOf(p.items()));
        String value = Polish.pln(p.valuePln());
        text(
            c,
            regular,
            fitSize(regular, 7, value, cell - 4 * MM),
            x + 2 * MM,
            y + 2.5f * MM,
            value);
      }
    }
  }

  private static void contracts(Document doc, BaseFont regular, BaseFont bold, ExportSnapshot s)
      throws Exception {
    Font head = new Font(bold, 8, Font.NORMAL, INK);
    Font body = new Font(regular, 8, Font.NORMAL, INK);
    doc.add(new Paragraph(clean("Zarejestrowane kontrakty"), new Font(bold, 15, Font.NORMAL, INK)));
    doc.add(new Paragraph(" "));
    PdfPTable table = new PdfPTable(new float[] {7, 14, 52, 12, 15});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    // A large table: rows added so far go to the writer on each add, so a long list never piles up.
    table.setComplete(false);
    for (String h : new String[] {"Nr", "Kiedy", "Strony i świadczenia", "Pozycji", "Wartość"}) {
      PdfPCell cell = new PdfPCell(new Phrase(clean(h), head));
      cell.setBackgroundColor(new Color(0xee, 0xee, 0xee));
      table.addCell(cell);
    }
    int[] rows = {0};
    s.query(
        ExportTables.CONTRACTS_SQL,
        rs -> {
          rows[0]++;
          table.addCell(new Phrase(String.valueOf(rs.getLong("number")), body));
          Instant at = ExportSnapshot.instant(rs, "registered_at");
          table.addCell(new Phrase(at == null ? "" : TIME.format(at), body));
          String title = rs.getString("title");
          String money =
              rs.getBoolean("money_flagged")
                  ? "\nPieniądze: "
                      + ExportTables.MONEY_FLAGGED_PL
                      + " — "
                      + String.valueOf(rs.getString("money_justification"))
                  : "";
          table.addCell(
              new Phrase(
                  clean((title == null ? "" : title + "\n") + rs.getString("parties") + money),
                  body));
          PdfPCell n = new PdfPCell(new Phrase(String.valueOf(rs.getLong("items")), body));
          n.setHorizontalAlignment(Element.ALIGN_RIGHT);
          table.addCell(n);
          BigDecimal value = rs.getBigDecimal("value_pln");
          PdfPCell v =
              new PdfPCell(new Phrase(clean(value == null ? "—" : Polish.pln(value)), body));
          v.setHorizontalAlignment(Element.ALIGN_RIGHT);
          table.addCell(v);
          if (rows[0] % 50 == 0) {
            try {
              doc.add(table);
            } catch (com.lowagie.text.DocumentException e) {
              throw new java.sql.SQLException(e);
            }
          }
        },
        s.fair.id());
    table.setComplete(true);
    doc.add(table);
    if (rows[0] == 0) {
      doc.add(new Paragraph(clean("Brak zarejestrowanych kontraktów."), body));
    }
  }

  /** The footer of every page: page number, log number and chain head. */
  private static final class Footer extends PdfPageEventHelper {
    private final BaseFont font;
    private final ExportSnapshot s;

    Footer(BaseFont font, ExportSnapshot s) {
      this.font = font;
      this.s = s;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      PdfContentByte c = writer.getDirectContent();
      c.setColorFill(new Color(0x66, 0x66, 0x66));
      text(
          c,
          font,
          7,
          18 * MM,
          10 * MM,
          "Stan dziennika: zdarzenie nr "
              + s.seq
              + " · głowa łańcucha kontraktów: "
              + s.chainHead
              + " · strona "
              + writer.getPageNumber());
    }
  }

  private static Color mix(Color a, Color b, float t) {
    return new Color(
        Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  private static void text(
      PdfContentByte c, BaseFont font, float size, float x, float y, String s) {
    c.beginText();
    c.setFontAndSize(font, size);
    c.setTextMatrix(x, y);
    c.showText(clean(s));
    c.endText();
  }

  /** Words on one line while they fit {@code width}, else on two (the rest on the second). */
  static List<String> wrap(BaseFont font, float size, String s, float width) {
    String text = clean(s);
    if (font.getWidthPoint(text, size) <= width || !text.contains(" ")) {
      return List.of(text);
    }
    int cut = text.lastIndexOf(' ');
    while (cut > 0 && font.getWidthPoint(text.substring(0, cut), size) > width) {
      cut = text.lastIndexOf(' ', cut - 1);
    }
    if (cut <= 0) {
      cut = text.indexOf(' ');
    }
    return List.of(text.substring(0, cut), text.substring(cut + 1));
  }

  /** The largest size up to {@code size} at which {@code s} fits {@code width}. */
  static float fitSize(BaseFont font, float size, String s, float width) {
    float w = font.getWidthPoint(clean(s), size);
    return w <= width ? size : Math.max(4.5f, size * width / w);
  }

  private static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Keeps what Cp1250 can show; arrows become "»", anything else unknown "?". */
  static String clean(String s) {
    CharsetEncoder cp1250 = Charset.forName("windows-1250").newEncoder();
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == '→' || cp == '↔') {
                out.append('»');
              } else if (cp == '\u00a0'
                  || cp == '\n'
                  || cp < 0x10000 && cp1250.canEncode((char) cp)) {
                out.appendCodePoint(cp);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }
}
