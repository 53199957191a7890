package pl.gielda.participant;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import pl.gielda.common.pdf.PdfQr;

/**
 * Printable badges: A4 pages of eight 105×74 mm cards with the person's name, entity, a band in the
 * sector's colour and a QR code of the badge link. Drawn as vectors, so QR codes stay sharp.
 * Helvetica in Cp1250 covers Polish letters without embedding a font.
 */
public final class BadgePdf {

  public record Badge(String name, String entity, Sector sector, String roleLabel, String url) {}

  private static final float MM = 72f / 25.4f;
  private static final float CARD_W = 105 * MM;
  private static final float CARD_H = 74.25f * MM;

  private BadgePdf() {}

  public static byte[] render(String fairName, List<Badge> badges) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Document doc = new Document(PageSize.A4, 0, 0, 0, 0);
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle("Identyfikatory — " + fairName);
      doc.open();
      BaseFont bold =
          BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1250, BaseFont.NOT_EMBEDDED);
      BaseFont regular =
          BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1250, BaseFont.NOT_EMBEDDED);
      PdfContentByte canvas = writer.getDirectContent();
      if (badges.isEmpty()) {
        text(
            canvas,
            regular,
            14,
            40 * MM,
            PageSize.A4.getHeight() - 40 * MM,
            "Brak osób do wydruku / No people yet");
      }
      for (int i = 0; i < badges.size(); i++) {
        if (i > 0 && i % 8 == 0) {
          doc.newPage();
        }
        int slot = i % 8;
        float x = (slot % 2) * CARD_W;
        float y = PageSize.A4.getHeight() - (slot / 2 + 1) * CARD_H;
        card(canvas, bold, regular, fairName, badges.get(i), x, y);
      }
      doc.close();
      return out.toByteArray();
    } catch (IOException | DocumentException | WriterException e) {
      throw new IllegalStateException("Could not render badges", e);
    }
  }

  private static void card(
      PdfContentByte c, BaseFont bold, BaseFont regular, String fair, Badge b, float x, float y)
      throws WriterException {
    c.setColorStroke(new Color(0xCC, 0xCC, 0xCC));
    c.setLineWidth(0.5f);
    c.rectangle(x, y, CARD_W, CARD_H);
    c.stroke();
    Color sector = Color.decode(b.sector().colour());
    c.setColorFill(sector);
    c.rectangle(x, y + CARD_H - 12 * MM, CARD_W, 12 * MM);
    c.fill();
    c.setColorFill(Color.WHITE);
    text(c, bold, 11, x + 5 * MM, y + CARD_H - 8 * MM, fit(fair, 48));
    c.setColorFill(Color.BLACK);
    text(c, bold, 17, x + 5 * MM, y + CARD_H - 24 * MM, fit(b.name(), 24));
    text(c, regular, 10, x + 5 * MM, y + CARD_H - 31 * MM, fit(b.entity(), 40));
    text(c, regular, 9, x + 5 * MM, y + CARD_H - 37 * MM, "Sektor: " + b.sector().polish());
    if (b.roleLabel() != null) {
      text(c, bold, 9, x + 5 * MM, y + CARD_H - 43 * MM, b.roleLabel());
    }
    PdfQr.draw(c, b.url(), x + CARD_W - 36 * MM, y + 4 * MM, 32 * MM);
    text(c, regular, 7, x + 5 * MM, y + 6 * MM, "Zeskanuj kod, aby wejść do Giełdy");
  }

  private static void text(
      PdfContentByte c, BaseFont font, float size, float x, float y, String s) {
    c.beginText();
    c.setFontAndSize(font, size);
    c.setTextMatrix(x, y);
    c.showText(s);
    c.endText();
  }

  private static String fit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
