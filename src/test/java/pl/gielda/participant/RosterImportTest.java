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

  @Test
  void notUtf8IsRejectedClearly() {
    var fair = Fixtures.fair("REGISTRATION");
    byte[] cp1250 =
        "entity;sector\nFundacja \u0141ódź;NGO\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1250"));
    upload(fair.id(), cp1250)
        .statusCode(422)
        .body("rows[0].reason", org.hamcrest.Matchers.containsString("UTF-8"));
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
        .body("entitiesCreated", equalTo(0));
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
