package pl.gielda.report.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/** The source fair (157 people, 78 entities, 101 contracts) through the public API only. */
@QuarkusTest
class SourceFairReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  @Test
  void theSourceFairIsReproducedEndToEndAndItsClosingFiguresMatchTheLog() throws Exception {
    SourceFairReplay.Result r =
        new SourceFairReplay(base, SourceFairReplay.DEFAULT_SEED).run(Fixtures.organiser());
    long fair = r.fairId();
    System.out.printf(
        "Replay of the source fair took %d ms %s%n", r.took().toMillis(), r.phaseMillis());

    assertThat(r.announcedNumbers())
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 101).boxed().toList());
    assertThat(r.announcedSeqs()).isSorted().doesNotHaveDuplicates();
    assertThat(List.of(r.people(), r.entities(), r.contracts())).containsExactly(157, 78, 101);

    long t0 = System.nanoTime();
    Response xlsx = as(Fixtures.organiser()).get("/api/fairs/" + fair + "/exports/xlsx");
    xlsx.then().statusCode(200);
    byte[] workbook = xlsx.asByteArray();
    System.out.printf(
        "XLSX export of the source fair: %d bytes in %d ms%n",
        workbook.length, (System.nanoTime() - t0) / 1_000_000);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      assertThat(wb.getSheet("Osoby").getLastRowNum()).isEqualTo(157);
      assertThat(wb.getSheet("Podmioty").getLastRowNum()).isEqualTo(78);
      assertThat(wb.getSheet("Kontrakty").getLastRowNum()).isEqualTo(101);
      assertThat(wb.getSheet("Kontrakty").getRow(101).getCell(0).getNumericCellValue())
          .isEqualTo(101);
    }
    for (String what : List.of("xlsx", "pdf", "csv?table=items", "csv?table=contracts")) {
      long t = System.nanoTime();
      byte[] bytes =
          as(Fixtures.organiser()).get("/api/fairs/" + fair + "/exports/" + what).asByteArray();
      System.out.printf(
          "%s export of the source fair: %d bytes in %d ms%n",
          what, bytes.length, (System.nanoTime() - t) / 1_000_000);
    }
    long t1 = System.nanoTime();
    Response archive = as(Fixtures.organiser()).get("/api/fairs/" + fair + "/exports/json");
    archive.then().statusCode(200);
    JsonNode a = JSON.readTree(archive.asByteArray());
    System.out.printf(
        "JSON archive of the source fair: %d bytes in %d ms%n",
        archive.asByteArray().length, (System.nanoTime() - t1) / 1_000_000);
    assertThat(a.path("people")).hasSize(157);
    assertThat(a.path("entities")).hasSize(78);
    assertThat(a.path("contracts")).hasSize(101);
    assertThat(a.path("registeredContracts").asInt()).isEqualTo(101);
    assertThat(a.path("chainHead").asText()).isEqualTo(xlsx.header("Gielda-Chain-Head"));

    JsonNode tables =
        JSON.readTree(as(Fixtures.organiser()).get("/api/fairs/" + fair + "/tallies").asString());
    JsonNode log =
        JSON.readTree(
            as(Fixtures.organiser()).get("/api/fairs/" + fair + "/tallies?source=log").asString());
    assertThat(log).isEqualTo(tables);

    as(Fixtures.organiser())
        .body(Map.of("phase", "CLOSED"))
        .post("/api/fairs/" + fair + "/phase")
        .then()
        .statusCode(200);
    JsonNode closing =
        JSON.readTree(as(Fixtures.organiser()).get("/api/fairs/" + fair + "/closing").asString());
    assertThat(closing.path("matches").asBoolean()).isTrue();
    assertThat(closing.path("contracts").asInt()).isEqualTo(101);
    assertThat(closing.path("chainHead").asText()).isEqualTo(a.path("chainHead").asText());
    assertThat(closing.path("seq").asLong()).isEqualTo(tables.path("seq").asLong() + 1);
    assertThat(closing.path("tallies").path("headline")).isEqualTo(tables.path("headline"));
    assertThat(closing.path("tablesTallies").isNull()).isTrue();
  }

  @Test
  void theSameSeedGivesTheSameFair() {
    var a = new SourceFairData(7);
    var b = new SourceFairData(7);
    assertThat(a.entities).isEqualTo(b.entities).hasSize(78);
    assertThat(a.people).isEqualTo(b.people).hasSize(157);
    assertThat(a.contracts).isEqualTo(b.contracts).hasSize(101);
    assertThat(a.people.stream().filter(SourceFairData.PersonSpec::notary)).hasSize(1);
    assertThat(new SourceFairData(8).contracts).isNotEqualTo(a.contracts);
  }

  @Test
  void theReplayRefusesAnAppOffThisMachine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SourceFairReplay(URI.create("http://192.0.2.10:8080/"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }
}
