package pl.gielda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class TallyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theTablesAndTheFoldedLogGiveTheFiguresCountedByHand() throws Exception {
    SmallFair f = new SmallFair();
    JsonNode tables = JSON.readTree(f.tallies(Fixtures.organiser(), ""));
    JsonNode log = JSON.readTree(f.tallies(Fixtures.organiser(), "?source=log"));

    assertThat(log).isEqualTo(tables);
    JsonNode h = tables.path("headline");
    assertThat(h.path("people").asLong()).isEqualTo(4);
    assertThat(h.path("present").asLong()).isEqualTo(4);
    assertThat(h.path("entities").asLong()).isEqualTo(3);
    assertThat(h.path("offers").asLong()).isEqualTo(2);
    assertThat(h.path("requests").asLong()).isEqualTo(1);
    assertThat(h.path("contracts").asLong()).isEqualTo(2);
    assertThat(h.path("items").asLong()).isEqualTo(5);
    assertThat(h.path("valuePln").decimalValue()).isEqualByComparingTo("1050.50");
    assertThat(h.path("hours").decimalValue()).isEqualByComparingTo("15.5");
    assertThat(tables.path("entitiesBySector").toString())
        .isEqualTo("{\"PUBLIC\":1,\"NGO\":1,\"BUSINESS\":1,\"INFORMAL_GROUP\":0,\"INDIVIDUAL\":0}");
    assertThat(tables.path("offersByCategory").toString()).isEqualTo("{\"ROOMS\":2}");
    assertThat(tables.path("requestsByCategory").toString()).isEqualTo("{\"CATERING\":1}");
    assertThat(
            rows(
                tables.path("itemsByCategory"),
                "category",
                "items",
                "contracts",
                "valuePln",
                "hours"))
        .containsExactly(
            "CATERING 1 1 300.5 0.0",
            "PROMOTION 1 1 200.0 5.0",
            "ROOMS 2 2 550.0 0.0",
            "VOLUNTEERS 1 1 0.0 10.5");
    List<String> pairs = new ArrayList<>();
    for (JsonNode p : tables.path("sectorPairs")) {
      if (p.path("items").asLong() > 0) {
        pairs.add(
            p.path("from").asText()
                + "→"
                + p.path("to").asText()
                + " "
                + p.path("items").asLong()
                + " "
                + p.path("valuePln").asDouble()
                + " "
                + p.path("hours").asDouble());
      }
    }
    assertThat(tables.path("sectorPairs")).hasSize(25);
    assertThat(pairs)
        .containsExactly(
            "PUBLIC→NGO 1 400.0 0.0",
            "PUBLIC→BUSINESS 1 150.0 0.0",
            "NGO→PUBLIC 1 0.0 10.5",
            "NGO→BUSINESS 1 200.0 5.0",
            "BUSINESS→NGO 1 300.5 0.0");
    JsonNode contracts = tables.path("contractsTimeline");
    assertThat(contracts.get(contracts.size() - 1).path("total").asLong()).isEqualTo(2);
    JsonNode checkIns = tables.path("checkInTimeline");
    assertThat(checkIns.get(checkIns.size() - 1).path("total").asLong()).isEqualTo(4);
    assertThat(tables.path("followUp").path("byStatus").path("NONE").asLong()).isEqualTo(2);
  }

  @Test
  void theFiguresAreLabelledWithTheLogNumberTheyAreValidAt() throws Exception {
    SmallFair f = new SmallFair();
    JsonNode before = JSON.readTree(f.tallies(Fixtures.organiser(), ""));
    Fixtures.createPost(
        f.fair.id(), f.bakery.token(), SmallFair.post("REQUEST", "TRANSPORT", "Bus"));
    JsonNode after = JSON.readTree(f.tallies(Fixtures.organiser(), ""));

    assertThat(after.path("seq").asLong()).isEqualTo(before.path("seq").asLong() + 1);
    assertThat(after.path("headline").path("requests").asLong()).isEqualTo(2);
  }

  @Test
  void notariesAndTheBigScreenSeeEveryFigureAndParticipantsOnlyTheHeadline() throws Exception {
    SmallFair f = new SmallFair();
    JsonNode notary = JSON.readTree(f.tallies(f.notary.token(), ""));
    JsonNode screen = JSON.readTree(f.tallies(Fixtures.screen(f.fair.id()), ""));
    JsonNode participant = JSON.readTree(f.tallies(f.ngo.token(), ""));

    assertThat(notary.path("scope").asText()).isEqualTo("full");
    assertThat(screen.path("sectorPairs")).hasSize(25);
    assertThat(participant.path("scope").asText()).isEqualTo("headline");
    assertThat(participant.path("headline").path("contracts").asLong()).isEqualTo(2);
    assertThat(participant.has("sectorPairs")).isFalse();
    assertThat(participant.has("itemsByCategory")).isFalse();
  }

  @Test
  void onlyTheOrganiserRecomputesFromTheLog() {
    SmallFair f = new SmallFair();
    as(f.notary.token())
        .get("/api/fairs/" + f.fair.id() + "/tallies?source=log")
        .then()
        .statusCode(403);
    as(Fixtures.organiser())
        .get("/api/fairs/" + f.fair.id() + "/tallies?source=guess")
        .then()
        .statusCode(400);
  }

  @Test
  void anotherFairsPeopleAndOrganisersSeeNothing() {
    var fair = Fixtures.fair("LIVE");
    var other = Fixtures.fair("LIVE");
    var stranger = Fixtures.person(other.id(), null);
    as(stranger.token()).get("/api/fairs/" + fair.id() + "/tallies").then().statusCode(403);
    as(Fixtures.anotherOrganiser())
        .get("/api/fairs/" + fair.id() + "/tallies")
        .then()
        .statusCode(403);
    io.restassured.RestAssured.get("/api/fairs/" + fair.id() + "/tallies").then().statusCode(401);
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/tallies")
        .then()
        .statusCode(200)
        .body("headline.people", equalTo(0));
  }

  private static List<String> rows(JsonNode array, String... fields) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      List<String> parts = new ArrayList<>();
      for (String field : fields) {
        JsonNode v = n.path(field);
        parts.add(
            v.isNumber() && !v.isIntegralNumber() ? String.valueOf(v.asDouble()) : v.asText());
      }
      out.add(String.join(" ", parts));
    }
    return out;
  }
}
