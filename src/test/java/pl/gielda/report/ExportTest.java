package pl.gielda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class ExportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Response export(long fairId, String what, String token) {
    return as(token).get("/api/fairs/" + fairId + "/exports/" + what);
  }

  static byte[] ok(long fairId, String what) {
    Response r = export(fairId, what, Fixtures.organiser());
    r.then().statusCode(200);
    return r.asByteArray();
  }

  @Test
  void theWorkbookHasTypedCellsFrozenHeadersFiltersAndStatesTheLogNumberAndChainHead()
      throws Exception {
    SmallFair f = new SmallFair().withQuotedContract();
    Response r = export(f.fair.id(), "xlsx", Fixtures.organiser());
    r.then().statusCode(200);
    String seq = r.header(ExportResource.SEQ_HEADER);
    String head = r.header(ExportResource.HEAD_HEADER);
    assertThat(head).matches("[0-9a-f]{64}").isNotEqualTo("0".repeat(64));
    assertThat(r.header("Content-Disposition")).contains("-seq" + seq + "-").endsWith(".xlsx\"");

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
      assertThat(List.of(0, 1, 2, 3, 4).stream().map(wb::getSheetName))
          .containsExactly("Podsumowanie", "Kontrakty", "Pozycje", "Podmioty", "Osoby");
      var custom = wb.getProperties().getCustomProperties();
      assertThat(custom.getProperty("gielda.logSeq").getLpwstr()).isEqualTo(seq);
      assertThat(custom.getProperty("gielda.chainHead").getLpwstr()).isEqualTo(head);

      XSSFSheet contracts = wb.getSheet("Kontrakty");
      assertThat(contracts.getPaneInformation().isFreezePane()).isTrue();
      assertThat(contracts.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(contracts.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O4");
      assertThat(contracts.getLastRowNum()).isEqualTo(3);
      Row third = contracts.getRow(3);
      assertThat(third.getCell(0).getNumericCellValue()).isEqualTo(3);
      assertThat(third.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(third.getCell(1))).isTrue();
      LocalDateTime registered = third.getCell(1).getLocalDateTimeCellValue();
      assertThat(registered).isCloseTo(LocalDateTime.now(ZoneId.of("Europe/Warsaw")), within());
      assertThat(third.getCell(2).getStringCellValue()).isEqualTo("=Sala „Pod Lipami”; próba");
      assertThat(third.getCell(2).getCellType()).isEqualTo(CellType.STRING);
      assertThat(third.getCell(3).getStringCellValue())
          .contains("Szkoła Podstawowa nr 2 w Gniewie")
          .contains("(publiczny)")
          .contains("Piekarnia Łączyńscy");
      assertThat(third.getCell(5).getNumericCellValue()).isEqualTo(1234.5);
      assertThat(third.getCell(5).getCellStyle().getDataFormatString()).contains("zł");

      Sheet items = wb.getSheet("Pozycje");
      assertThat(items.getLastRowNum()).isEqualTo(7);
      assertThat(items.getRow(6).getCell(7).getStringCellValue()).isEqualTo(SmallFair.TRICKY_TEXT);
      assertThat(wb.getSheet("Podmioty").getLastRowNum()).isEqualTo(3);
      assertThat(wb.getSheet("Osoby").getLastRowNum()).isEqualTo(4);
      Sheet tallies = wb.getSheet("Podsumowanie");
      assertThat(tallies.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(Long.parseLong(seq));
      assertThat(tallies.getRow(3).getCell(5).getStringCellValue()).isEqualTo(head);
    }
  }

  @Test
  void csvIsUtf8WithBomSemicolonsDecimalCommaAndQuotedFields() throws Exception {
    SmallFair f = new SmallFair().withQuotedContract();
    byte[] bytes = ok(f.fair.id(), "csv?table=items");
    assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
    assertThat(bytes[1] & 0xff).isEqualTo(0xBB);
    assertThat(bytes[2] & 0xff).isEqualTo(0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Nr kontraktu;Poz.;Daje;").contains("\r\n");
    assertThat(text).contains("\"Sala „Pod Lipami”; rzutnik \"\"HD\"\"\ni nagłośnienie — źdźbło\"");
    assertThat(text).contains(";1234,50;2\r\n");

    List<CSVRecord> rows;
    try (CSVParser p = CSVParser.parse(text, CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
      rows = p.getRecords();
    }
    assertThat(rows).hasSize(8);
    CSVRecord tricky = rows.get(6);
    assertThat(tricky.get(7)).isEqualTo(SmallFair.TRICKY_TEXT);
    assertThat(tricky.get(6)).isEqualTo("Sale i lokale");
    assertThat(tricky.get(3)).isEqualTo("publiczny");

    String contracts = new String(ok(f.fair.id(), "csv?table=contracts"), StandardCharsets.UTF_8);
    assertThat(contracts).contains("'=Sala „Pod Lipami”; próba");
    assertThat(contracts).containsPattern("\r\n3;20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d;");
  }

  @Test
  void theJsonArchiveHoldsTheWholeFairWithoutBadgeTokens() throws Exception {
    SmallFair f = new SmallFair();
    Response r = export(f.fair.id(), "json", Fixtures.organiser());
    r.then().statusCode(200);
    JsonNode a = JSON.readTree(r.asByteArray());
    assertThat(a.path("format").asText()).isEqualTo("gielda-archive/1");
    assertThat(a.path("logSeq").asText()).isEqualTo(r.header(ExportResource.SEQ_HEADER));
    assertThat(a.path("chainHead").asText()).isEqualTo(r.header(ExportResource.HEAD_HEADER));
    assertThat(a.path("entities")).hasSize(3);
    assertThat(a.path("people")).hasSize(4);
    assertThat(a.path("contracts")).hasSize(3);
    assertThat(a.path("registeredContracts").asInt()).isEqualTo(2);
    assertThat(a.path("contractItems")).hasSize(6);
    assertThat(a.path("events")).hasSize(a.path("logSeq").asInt());
    assertThat(a.path("tallies").path("headline").path("contracts").asInt()).isEqualTo(2);
    assertThat(r.asString()).doesNotContain(f.ngo.signInSecret()).doesNotContain("badgeToken");
  }

  @Test
  void thePdfReportIsAPdfThatNamesTheFigures() throws Exception {
    SmallFair f = new SmallFair();
    byte[] pdf = ok(f.fair.id(), "pdf");
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Path out = Path.of("target", "exports", "raport-" + f.fair.id() + ".pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    var reader = new com.lowagie.text.pdf.PdfReader(pdf);
    // Non-breaking spaces group thousands; the extractor may widen them.
    String first =
        new com.lowagie.text.pdf.parser.PdfTextExtractor(reader)
            .getTextFromPage(1)
            .replace('\u00a0', ' ')
            .replaceAll(" +", " ");
    assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(4);
    assertThat(first).contains("4 osoby").contains("2 kontrakty").contains("1 050,50 zł");
    String last =
        new com.lowagie.text.pdf.parser.PdfTextExtractor(reader)
            .getTextFromPage(reader.getNumberOfPages());
    assertThat(last).contains("Zarejestrowane kontrakty").contains("Kociewskie Żurawie”");
  }

  @Test
  void aContractRegisteredWithAMoneyJustificationIsNeverReportedAsMoneyFree() throws Exception {
    SmallFair f = new SmallFair();
    long id = f.fair.id();
    byte[] before = ok(id, "pdf");
    // The extractor garbles some Polish letters of the page's drawn text (Cp1250 without a
    // ToUnicode map), so the checks use the parts around them.
    assertThat(page(before, 1)).contains("5 świadcze").contains("wymienionych bez pieni");

    f.withMoneyContract();
    // A long name wraps the subtitle to a second line: the cards start below it.
    as(Fixtures.organiser())
        .body(
            java.util.Map.of(
                "name",
                "Kociewska Giełda Zasobów Organizacji Pozarządowych, Instytucji Publicznych i"
                    + " Firm Powiatu Tczewskiego — edycja jesienna",
                "venue",
                "Centrum Wystawienniczo-Regionalne Dolnej Wisły w Tczewie, ul. Jana Pawła II 8",
                "startsAt",
                "2026-10-17T08:00:00Z",
                "endsAt",
                "2026-10-17T12:00:00Z"))
        .put("/api/fairs/" + id)
        .then()
        .statusCode(200);
    byte[] pdf = ok(id, "pdf");
    Path out = Path.of("target", "exports", "raport-pieniadze-" + id + ".pdf");
    Files.createDirectories(out.getParent());
    Files.write(out, pdf);
    String first = page(pdf, 1);
    assertThat(first)
        .contains("7 świadcze")
        .doesNotContain("bez pieni")
        .contains("w tym 2 świadczenia")
        .contains("w 1 kontrakcie z uzasadnion")
        .contains("o pieni")
        .contains("edycja jesienna");
    var reader = new com.lowagie.text.pdf.PdfReader(pdf);
    String last = page(pdf, reader.getNumberOfPages());
    assertThat(last).contains("wzmianka o pieni").contains("uzasadniona");

    String csv = new String(ok(id, "csv?table=contracts"), StandardCharsets.UTF_8);
    List<CSVRecord> rows;
    try (CSVParser p =
        CSVParser.parse(csv.substring(1), CSVFormat.RFC4180.builder().setDelimiter(';').get())) {
      rows = p.getRecords();
    }
    int money = rows.get(0).toList().indexOf("Pieniądze");
    int why = rows.get(0).toList().indexOf("Uzasadnienie notariusza");
    assertThat(money).isPositive();
    assertThat(rows.get(1).get(money)).isEqualTo("bez pieniędzy");
    assertThat(rows.get(3).get(money)).isEqualTo("wzmianka o pieniądzach, uzasadniona");
    assertThat(rows.get(3).get(why)).isEqualTo(SmallFair.MONEY_JUSTIFICATION);
    String tallies = new String(ok(id, "csv?table=tallies"), StandardCharsets.UTF_8);
    assertThat(tallies)
        .contains("Kontrakty ze wzmianką o pieniądzach (zarejestrowane z uzasadnieniem);1;");

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ok(id, "xlsx")))) {
      Sheet sheet = book.getSheet("Kontrakty");
      Row head = sheet.getRow(0);
      int col = -1;
      for (int i = 0; i < head.getLastCellNum(); i++) {
        if (head.getCell(i).getStringCellValue().equals("Pieniądze")) {
          col = i;
        }
      }
      assertThat(col).isPositive();
      assertThat(sheet.getRow(3).getCell(col).getStringCellValue())
          .isEqualTo("wzmianka o pieniądzach, uzasadniona");
      assertThat(sheet.getRow(3).getCell(col + 1).getStringCellValue())
          .isEqualTo(SmallFair.MONEY_JUSTIFICATION);
      assertThat(sheet.getRow(1).getCell(col).getStringCellValue()).isEqualTo("bez pieniędzy");
    }
  }

  private static String page(byte[] pdf, int n) throws Exception {
    // Non-breaking spaces group thousands; the extractor may widen them.
    return new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
        .getTextFromPage(n)
        .replace('\u00a0', ' ')
        .replaceAll(" +", " ");
  }

  @Test
  void onlyTheFairsOrganiserExports() {
    SmallFair f = new SmallFair();
    long id = f.fair.id();
    for (String what : List.of("xlsx", "csv?table=people", "pdf", "json")) {
      export(id, what, f.ngo.token()).then().statusCode(403);
      export(id, what, f.notary.token()).then().statusCode(403);
      export(id, what, Fixtures.screen(id)).then().statusCode(403);
      export(id, what, Fixtures.anotherOrganiser()).then().statusCode(403);
      io.restassured.RestAssured.get("/api/fairs/" + id + "/exports/" + what)
          .then()
          .statusCode(401);
    }
    export(id, "csv?table=secrets", Fixtures.organiser()).then().statusCode(400);
  }

  private static org.assertj.core.data.TemporalUnitOffset within() {
    return org.assertj.core.api.Assertions.within(10, java.time.temporal.ChronoUnit.MINUTES);
  }
}
