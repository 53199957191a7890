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
 * Printable badges: A4 pages of eight 105×74 mm cards. The face (worn, photographed, scanned by
 * partners) has the person's name, entity, a band in the sector's colour, and the public partner QR
 * with its code printed under it. Below a dashed line is the tear-off part with the sign-in QR: the
 * person tears it off at the desk and keeps it; it is never worn. Drawn as vectors, so QR codes
 * stay sharp. Helvetica in Cp1250 covers Polish letters without embedding a font.
 */
public final class BadgePdf {

  public record Badge(
      String name,
      String entity,
      Sector sector,
      String roleLabel,
      String partnerCode,
      String partnerUrl,
      String signInUrl) {}

  private static final float MM = 72f / 25.4f;
  private static final float CARD_W = 105 * MM;
  private static final float CARD_H = 74.25f * MM;
  private static final float TEAR = 23 * MM;

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
    text(c, bold, 15, x + 5 * MM, y + CARD_H - 21 * MM, fit(b.name(), 24));
    text(c, regular, 9, x + 5 * MM, y + CARD_H - 27 * MM, fit(b.entity(), 36));
    text(c, regular, 8, x + 5 * MM, y + CARD_H - 32 * MM, "Sektor: " + b.sector().polish());
    if (b.roleLabel() != null) {
      text(c, bold, 8, x + 5 * MM, y + CARD_H - 37 * MM, b.roleLabel());
    }
    text(c, regular, 6.5f, x + 5 * MM, y + TEAR + 4 * MM, "Partner skanuje ten kod do kontraktu.");
    // The face: the public partner code, large enough to be read and typed across a table.
    float faceQr = 26 * MM;
    PdfQr.draw(c, b.partnerUrl(), x + CARD_W - faceQr - 4 * MM, y + TEAR + 6 * MM, faceQr);
    text(c, bold, 11, x + CARD_W - faceQr - 1 * MM, y + TEAR + 2 * MM, b.partnerCode());
    tearOff(c, bold, regular, b, x, y);
  }

  /** The tear-off strip: the sign-in QR, for its owner alone. */
  private static void tearOff(
      PdfContentByte c, BaseFont bold, BaseFont regular, Badge b, float x, float y)
      throws WriterException {
    c.setColorStroke(Color.GRAY);
    c.setLineDash(3, 2, 0);
    c.moveTo(x, y + TEAR);
    c.lineTo(x + CARD_W, y + TEAR);
    c.stroke();
    c.setLineDash(0);
    c.setColorFill(Color.BLACK);
    float qr = TEAR - 3 * MM;
    PdfQr.draw(c, b.signInUrl(), x + CARD_W - qr - 4 * MM, y + 1.5f * MM, qr);
    text(c, bold, 8, x + 5 * MM, y + TEAR - 5 * MM, "Oderwij i zachowaj — nie noś na szyi");
    text(c, regular, 7, x + 5 * MM, y + TEAR - 9 * MM, "Twój prywatny kod logowania.");
    text(c, regular, 7, x + 5 * MM, y + TEAR - 12.5f * MM, "Zeskanuj go swoim telefonem,");
    text(c, regular, 7, x + 5 * MM, y + TEAR - 16 * MM, "aby wejść do Giełdy. Działa na jednym");
    text(
        c,
        regular,
        7,
        x + 5 * MM,
        y + TEAR - 19.5f * MM,
        "telefonie; zgubiony: punkt informacyjny.");
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
