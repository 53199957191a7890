package pl.gielda.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class RosterImportTest {

  private static byte[] bom(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    return withBom;
  }

  private static io.restassured.response.ValidatableResponse upload(long fairId, byte[] csv) {
    return as(Fixtures.organiser())
        .contentType("text/csv")
        .body(csv)
        .post("/api/fairs/" + fairId + "/import")
        .then();
  }

  @Test
  void semicolonCsvWithBomImportsEntitiesAndPeopleWithPolishLetters() {
    var fair = Fixtures.fair("REGISTRATION");
    String csv =
        "podmiot;sektor;miejscowość;kontakt;osoba;rola\n"
            + "Fundacja Łączy Nas;pozarządowy;Tczew;fundacja@example.org;Zofia Żółć;uczestnik\n"
            + "Fundacja Łączy Nas;pozarządowy;Tczew;;Jerzy Świątek;notariusz\n"
            + "Urząd Gminy Subkowy;publiczny;Subkowy;;;\n";
    upload(fair.id(), bom(csv))
        .statusCode(200)
        .body("entitiesCreated", equalTo(2))
        .body("peopleCreated", equalTo(2));
    List<String> names =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/people")
            .then()
            .extract()
            .path("displayName");
    assertThat(names).contains("Zofia Żółć", "Jerzy Świątek");
    List<String> entities =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/entities")
            .then()
            .extract()
            .path("name");
    assertThat(entities).containsExactlyInAnyOrder("Fundacja Łączy Nas", "Urząd Gminy Subkowy");
  }

  @Test
  void commaCsvWithEnglishHeadersImports() {
    var fair = Fixtures.fair("REGISTRATION");
    String csv =
        "entity,sector,town,contact,person,roles\n\"Bank, Spółdzielczy\",BUSINESS,Pelplin,,Anna,participant|animator\n";
    upload(fair.id(), csv.getBytes(StandardCharsets.UTF_8))
        .statusCode(200)
        .body("peopleCreated", equalTo(1));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/people")
        .then()
        .body("[0].roles", hasSize(2))
        .body("[0].entityName", equalTo("Bank, Spółdzielczy"));
  }

  @Test
  void badRowsAreReportedWithLineNumbersAndNothingIsImported() {
    var fair = Fixtures.fair("REGISTRATION");
    String csv =
        "entity;sector;town;contact;person;roles\n"
            + "Dobra Fundacja;NGO;Tczew;;Ola;\n"
            + "Zła Fundacja;kosmiczny;Tczew;;Ela;\n"
            + ";NGO;Tczew;;Ula;\n"
            + "Dobra Fundacja;BUSINESS;Tczew;;Iza;\n"
            + "Inna;NGO;Tczew;;Ada;król\n";
    upload(fair.id(), csv.getBytes(StandardCharsets.UTF_8))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", equalTo("4 row(s) are invalid; nothing was imported"))
        .body("rows", hasSize(4))
        .body("rows.line", equalTo(List.of(3, 4, 5, 6)))
        .body("rows[0].reason", equalTo("unknown sector „kosmiczny”"));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/entities")
        .then()
        .body("$", hasSize(0));
  }

  @Test
  void dryRunValidatesWithoutImporting() {
    var fair = Fixtures.fair("REGISTRATION");
    as(Fixtures.organiser())
        .contentType("text/csv")
        .body("entity;sector\nFundacja;NGO\n".getBytes(StandardCharsets.UTF_8))
        .post("/api/fairs/" + fair.id() + "/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/entities")
        .then()
        .body("$", hasSize(0));
  }

  /** What Excel saves in Poland as "CSV (rozdzielany przecinkami)": Windows-1250, semicolons. */
  private static final String EXCEL_ROSTER =
      "Podmiot;Sektor;Miejscowość;Kontakt;Osoba;Rola\r\n"
          + "Koło Gospodyń Wiejskich w Rokitkach;pozarządowy;Rokitki;;Irena Grządka;uczestnik\r\n"
          + "Koło Gospodyń Wiejskich w Rokitkach;pozarządowy;Rokitki;;Łucja Źrebiec;uczestnik\r\n"
          + "Ośrodek Kultury w Śliwicach;publiczny;Śliwice;;Żaneta Ćwik;animator\r\n"
          + "Zakład Stolarski „Ąę”;biznes;Świecie;;Ścibor Żółtowski;notariusz\r\n";

  private static final List<String> EXCEL_PEOPLE =
      List.of("Irena Grządka", "Łucja Źrebiec", "Żaneta Ćwik", "Ścibor Żółtowski");

  @Test
  void aWindows1250RosterFromExcelImportsWithItsPolishLetters() {
    var fair = Fixtures.fair("REGISTRATION");
    byte[] cp1250 = EXCEL_ROSTER.getBytes(java.nio.charset.Charset.forName("windows-1250"));
    as(Fixtures.organiser())
        .contentType("text/csv")
        .body(cp1250)
        .post("/api/fairs/" + fair.id() + "/import?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("charset", equalTo("windows-1250"))
        .body("rows.person", equalTo(EXCEL_PEOPLE))
        .body("rows[3].entity", equalTo("Zakład Stolarski „Ąę”"))
        .body("rows[0].newPerson", equalTo(true))
        .body("peopleCreated", equalTo(4));
    upload(fair.id(), cp1250)
        .statusCode(200)
        .body("charset", equalTo("windows-1250"))
        .body("entitiesCreated", equalTo(3))
        .body("peopleCreated", equalTo(4));
    List<String> names =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/people")
            .then()
            .extract()
            .path("displayName");
    assertThat(names).containsExactlyInAnyOrderElementsOf(EXCEL_PEOPLE);
  }

  @Test
  void anIso88592RosterImportsWithItsPolishLetters() {
    var fair = Fixtures.fair("REGISTRATION");
    byte[] iso =
        EXCEL_ROSTER.replace("„Ąę”", "Ąę").getBytes(java.nio.charset.Charset.forName("ISO-8859-2"));
    upload(fair.id(), iso)
        .statusCode(200)
        .body("charset", equalTo("ISO-8859-2"))
        .body("rows.person", equalTo(EXCEL_PEOPLE))
        .body("rows[2].entity", equalTo("Ośrodek Kultury w Śliwicach"));
  }

  @Test
  void utf8WithAndWithoutBomImportsAlike() {
    var fair = Fixtures.fair("REGISTRATION");
    upload(fair.id(), bom(EXCEL_ROSTER))
        .statusCode(200)
        .body("charset", equalTo("UTF-8 (BOM)"))
        .body("rows.person", equalTo(EXCEL_PEOPLE));
    var other = Fixtures.fair("REGISTRATION");
    upload(other.id(), EXCEL_ROSTER.getBytes(StandardCharsets.UTF_8))
        .statusCode(200)
        .body("charset", equalTo("UTF-8"))
        .body("rows.person", equalTo(EXCEL_PEOPLE));
  }

  @Test
  void rowErrorsCarryCodesAndParametersForTheUiLanguage() {
    var fair = Fixtures.fair("REGISTRATION");
    String csv =
        "podmiot;sektor;osoba\n"
            + "Parafia;kościół;Ksiądz Jan\n"
            + "Fundacja;NGO;Ola\n"
            + "Fundacja;NGO;Ola\n";
    upload(fair.id(), csv.getBytes(StandardCharsets.UTF_8))
        .statusCode(422)
        .body("code", equalTo("import-rejected"))
        .body("params.lines", equalTo(2))
        .body("rows[0].code", equalTo("roster.sector-unknown"))
        .body("rows[0].params.value", equalTo("kościół"))
        .body("rows[0].params.accepted", org.hamcrest.Matchers.containsString("pozarządowy/NGO"))
        .body("rows[1].code", equalTo("roster.person-duplicate"))
        .body("rows[1].params.earlier", equalTo(3));
    upload(fair.id(), "imię;nazwa firmy\nOla;X\n".getBytes(StandardCharsets.UTF_8))
        .statusCode(422)
        .body("rows[0].code", equalTo("roster.header-unknown"))
        .body("rows[0].params.columns", org.hamcrest.Matchers.containsString("podmiot/entity"));
  }

  @Test
  void importingTheSameFileTwiceDoesNotDoublePeople() {
    var fair = Fixtures.fair("REGISTRATION");
    byte[] csv = "entity;sector;person\nKGW Rokitki;NGO;Grażyna\n".getBytes(StandardCharsets.UTF_8);
    upload(fair.id(), csv).statusCode(200).body("peopleCreated", equalTo(1));
    upload(fair.id(), csv)
        .statusCode(200)
        .body("peopleCreated", equalTo(0))
        .body("peopleSkipped", equalTo(1))
        .body("entitiesCreated", equalTo(0))
        .body("rows[0].newPerson", equalTo(false));
  }

  @Test
  void onlyTheOrganiserImports() {
    var fair = Fixtures.fair("REGISTRATION");
    var animator = Fixtures.person(fair.id(), null, "animator");
    as(animator.token())
        .contentType("text/csv")
        .body("entity;sector\nX;NGO\n".getBytes(StandardCharsets.UTF_8))
        .post("/api/fairs/" + fair.id() + "/import")
        .then()
        .statusCode(403);
  }
}
