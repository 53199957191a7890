package pl.gielda.contract;

import com.google.zxing.WriterException;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.common.pdf.PdfQr;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.ItemView;
import pl.gielda.contract.ContractDtos.PartyView;
import pl.gielda.contract.ContractDtos.SignatureView;
import pl.gielda.fair.Fair;

/**
 * A registered contract on A4: number, parties, items, signatures, its hashes and a QR code of its
 * verification page. Helvetica in Cp1250 covers Polish letters without embedding a font (so no
 * arrows: Cp1250 has none).
 */
final class ContractPdf {

  private static final float MM = 72f / 25.4f;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(Fair.TIME_ZONE));

  private ContractPdf() {}

  static byte[] render(String fairName, ContractView c) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Document doc = new Document(PageSize.A4, 18 * MM, 18 * MM, 46 * MM, 18 * MM);
      PdfWriter writer = PdfWriter.getInstance(doc, out);
      doc.addTitle("Kontrakt nr " + c.number() + " — " + fairName);
      doc.open();
      BaseFont regular =
          BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1250, BaseFont.NOT_EMBEDDED);
      BaseFont boldFont =
          BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1250, BaseFont.NOT_EMBEDDED);
      Font title = new Font(boldFont, 20);
      Font heading = new Font(boldFont, 12);
      Font body = new Font(regular, 10);
      Font small = new Font(regular, 7.5f);

      PdfContentByte canvas = writer.getDirectContent();
      PdfQr.draw(
          canvas,
          c.verifyUrl(),
          PageSize.A4.getWidth() - 48 * MM,
          PageSize.A4.getHeight() - 44 * MM,
          30 * MM);
      canvas.beginText();
      canvas.setFontAndSize(boldFont, 20);
      canvas.setTextMatrix(18 * MM, PageSize.A4.getHeight() - 22 * MM);
      canvas.showText("Kontrakt nr " + c.number());
      canvas.setFontAndSize(regular, 10);
      canvas.setTextMatrix(18 * MM, PageSize.A4.getHeight() - 30 * MM);
      canvas.showText(fairName + " — Giełda Zasobów");
      canvas.setTextMatrix(18 * MM, PageSize.A4.getHeight() - 36 * MM);
      canvas.showText(
          "Zarejestrowany " + TIME.format(c.registeredAt()) + " przez: " + c.registeredByName());
      canvas.endText();

      if (c.title() != null) {
        doc.add(new Paragraph(c.title(), title));
      }
      doc.add(new Paragraph("Strony kontraktu", heading));
      for (PartyView p : c.parties()) {
        doc.add(new Paragraph("• " + p.name() + " (sektor: " + sector(p) + ")", body));
      }
      Map<Long, String> names =
          c.parties().stream().collect(Collectors.toMap(PartyView::entityId, PartyView::name));
      doc.add(spacer(body));
      doc.add(new Paragraph("Przedmiot wymiany (bez pieniędzy)", heading));
      doc.add(items(c, names::get, body, heading));
      if (c.notes() != null) {
        doc.add(new Paragraph("Uwagi: " + c.notes(), body));
      }
      if (c.moneyJustification() != null) {
        doc.add(
            new Paragraph(
                "Uzasadnienie notariusza (ostrzeżenie o pieniądzach): " + c.moneyJustification(),
                body));
      }
      doc.add(spacer(body));
      doc.add(new Paragraph("Podpisy", heading));
      for (SignatureView s : c.signatures()) {
        doc.add(
            new Paragraph(
                s.personName()
                    + " za "
                    + names.get(s.entityId())
                    + " — "
                    + TIME.format(s.signedAt())
                    + " ("
                    + method(s)
                    + ")",
                body));
      }
      doc.add(spacer(body));
      doc.add(new Paragraph("Skrót treści (SHA-256): " + c.contentHash(), small));
      doc.add(new Paragraph("Skrót wpisu w rejestrze: " + c.recordHash(), small));
      doc.add(new Paragraph("Poprzedni wpis: " + c.prevHash(), small));
      doc.add(new Paragraph("Sprawdź autentyczność: " + c.verifyUrl(), small));
      doc.close();
      return out.toByteArray();
    } catch (IOException | DocumentException | WriterException e) {
      throw new IllegalStateException("Could not render the contract", e);
    }
  }

  private static PdfPTable items(
      ContractView c, Function<Long, String> names, Font body, Font heading)
      throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {3, 3, 6, 2.2f, 2.2f, 2.2f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    Font head = new Font(heading.getBaseFont(), 9);
    for (String h : new String[] {"Daje", "Otrzymuje", "Co", "Ilość", "Kiedy", "Wartość"}) {
      PdfPCell cell = new PdfPCell(new Phrase(h, head));
      cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
      table.addCell(cell);
    }
    Font cellFont = new Font(body.getBaseFont(), 9);
    for (ItemView i : c.items()) {
      table.addCell(new Phrase(names.apply(i.fromEntityId()), cellFont));
      table.addCell(new Phrase(names.apply(i.toEntityId()), cellFont));
      table.addCell(new Phrase(i.category() + ": " + i.description(), cellFont));
      table.addCell(new Phrase(orDash(i.quantity()), cellFont));
      table.addCell(new Phrase(orDash(i.when()), cellFont));
      table.addCell(new Phrase(value(i.valuePln(), i.hours()), cellFont));
    }
    return table;
  }

  private static String value(BigDecimal pln, BigDecimal hours) {
    String v = pln == null ? "" : pln.toPlainString() + " zł (szac.)";
    String h = hours == null ? "" : hours.stripTrailingZeros().toPlainString() + " h";
    String both = (v + " " + h).trim();
    return both.isEmpty() ? "—" : both;
  }

  private static String sector(PartyView p) {
    return p.sector() == null ? "—" : p.sector().polish();
  }

  private static String method(SignatureView s) {
    return switch (s.method()) {
      case PHONE -> "na telefonie";
      case HELP_DESK -> "w punkcie informacyjnym";
      case PAPER -> "na papierze";
    };
  }

  private static String orDash(String s) {
    return s == null ? "—" : s;
  }

  private static Paragraph spacer(Font f) {
    return new Paragraph(" ", f);
  }
}
