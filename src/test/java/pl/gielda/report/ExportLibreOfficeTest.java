package pl.gielda.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import pl.gielda.support.LibreOffice;

/**
 * Opens the exports in the real LibreOffice (headless), as an organiser's spreadsheet would, and
 * checks that Polish letters, numbers and dates survive. Fails when LibreOffice is missing.
 */
@QuarkusTest
class ExportLibreOfficeTest {

  private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Warsaw")).toString();

  @Test
  void polishLibreOfficeReadsTheCsvNumbersAsNumbersAndDatesAsDates() throws Exception {
    LibreOffice.binary();
    SmallFair f = new SmallFair().withQuotedContract();
    Path dir = Path.of("target", "exports", "lo-csv-" + f.fair.id()).toAbsolutePath();
    Files.createDirectories(dir);
    Path items = dir.resolve("pozycje.csv");
    Path contracts = dir.resolve("kontrakty.csv");
    Files.write(items, ExportTest.ok(f.fair.id(), "csv?table=items"));
    Files.write(contracts, ExportTest.ok(f.fair.id(), "csv?table=contracts"));

    Path out = dir.resolve("calc");
    LibreOffice.convert(items, "xlsx", LibreOffice.POLISH_CSV_IMPORT, out);
    LibreOffice.convert(contracts, "xlsx", LibreOffice.POLISH_CSV_IMPORT, out);

    try (XSSFWorkbook wb = open(out.resolve("pozycje.xlsx"))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nr kontraktu");
      Row tricky = s.getRow(6);
      assertThat(tricky.getCell(7).getStringCellValue()).isEqualTo(SmallFair.TRICKY_TEXT);
      assertThat(tricky.getCell(2).getStringCellValue())
          .startsWith("Szkoła Podstawowa nr 2 w Gniewie");
      assertThat(tricky.getCell(4).getStringCellValue()).startsWith("Piekarnia Łączyńscy");
      assertThat(tricky.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(tricky.getCell(10).getNumericCellValue()).isEqualTo(1234.5);
      assertThat(tricky.getCell(11).getNumericCellValue()).isEqualTo(2.0);
      assertThat(s.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
    }
    try (XSSFWorkbook wb = open(out.resolve("kontrakty.xlsx"))) {
      Row third = wb.getSheetAt(0).getRow(3);
      assertThat(third.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(third.getCell(1))).isTrue();
      assertThat(third.getCell(1).getLocalDateTimeCellValue().toLocalDate().toString())
          .isEqualTo(TODAY);
      assertThat(third.getCell(2).getCellType()).isEqualTo(CellType.STRING);
      assertThat(third.getCell(2).getStringCellValue()).endsWith("=Sala „Pod Lipami”; próba");
      assertThat(third.getCell(5).getNumericCellValue()).isEqualTo(1234.5);
    }
  }

  @Test
  void libreOfficeOpensTheWorkbookWithPolishLettersFormattedPlnAndWarsawDates() throws Exception {
    LibreOffice.binary();
    SmallFair f = new SmallFair().withQuotedContract();
    Path dir = Path.of("target", "exports", "lo-xlsx-" + f.fair.id()).toAbsolutePath();
    Files.createDirectories(dir);
    Path xlsx = dir.resolve("gielda.xlsx");
    Files.write(xlsx, ExportTest.ok(f.fair.id(), "xlsx"));

    Path out = dir.resolve("calc");
    LibreOffice.convert(xlsx, LibreOffice.CSV_EXPORT_ALL_SHEETS, null, out);

    List<CSVRecord> items = csv(out.resolve("gielda-Pozycje.csv"));
    CSVRecord tricky = items.get(6);
    assertThat(tricky.get(7)).isEqualTo(SmallFair.TRICKY_TEXT);
    assertThat(tricky.get(4)).startsWith("Piekarnia Łączyńscy");
    assertThat(tricky.get(10).replace('\u00a0', ' ')).isEqualTo("1 234,50 zł");
    List<CSVRecord> contracts = csv(out.resolve("gielda-Kontrakty.csv"));
    assertThat(contracts).hasSize(4);
    assertThat(contracts.get(3).get(1)).matches(TODAY + " \\d\\d:\\d\\d");
    assertThat(contracts.get(3).get(2)).isEqualTo("=Sala „Pod Lipami”; próba");
    List<CSVRecord> people = csv(out.resolve("gielda-Osoby.csv"));
    assertThat(people).hasSize(5);
    assertThat(people.get(1).get(3)).isEqualTo("publiczny");
    List<CSVRecord> summary = csv(out.resolve("gielda-Podsumowanie.csv"));
    assertThat(summary.get(3).get(5)).matches("[0-9a-f]{64}");
  }

  private static XSSFWorkbook open(Path p) throws Exception {
    try (InputStream in = Files.newInputStream(p)) {
      return new XSSFWorkbook(in);
    }
  }

  private static List<CSVRecord> csv(Path p) throws Exception {
    String text = Files.readString(p, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser parser =
        CSVParser.parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
      return parser.getRecords();
    }
  }
}
