package pl.gielda.common.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.Map;

/** A QR code drawn as vector squares on a PDF page (badges, contracts): sharp at any print size. */
public final class PdfQr {

  private PdfQr() {}

  /** Draws the code of {@code url} as a square of {@code size} points, lower-left at (x, y). */
  public static void draw(PdfContentByte c, String url, float x, float y, float size)
      throws WriterException {
    BitMatrix m =
        new QRCodeWriter()
            .encode(
                url,
                BarcodeFormat.QR_CODE,
                0,
                0,
                Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN,
                    1));
    float cell = size / m.getWidth();
    c.setColorFill(Color.BLACK);
    for (int row = 0; row < m.getHeight(); row++) {
      for (int col = 0; col < m.getWidth(); col++) {
        if (m.get(col, row)) {
          c.rectangle(x + col * cell, y + size - (row + 1) * cell, cell, cell);
        }
      }
    }
    c.fill();
  }
}
