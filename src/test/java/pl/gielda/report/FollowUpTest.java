package pl.gielda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class FollowUpTest {

  @Inject Pool pool;

  static ValidatableResponse report(
      long fairId, long contractId, String token, String status, String note) {
    Map<String, Object> body = new HashMap<>();
    body.put("status", status);
    body.put("note", note);
    return as(token)
        .body(body)
        .post("/api/fairs/" + fairId + "/contracts/" + contractId + "/follow-ups")
        .then();
  }

  @Test
  void aPartyAndTheOrganiserKeepAHistoryAfterTheFairClosedAndStrangersCannot() {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    Fixtures.closeFair(fair);

    report(fair, f.first, f.ngo.token(), "IN_PROGRESS", "Próby ruszają we wrześniu")
        .statusCode(201)
        .body("statusPl", equalTo("w trakcie"))
        .body("entityId", equalTo((int) f.ngo.entityId()));
    report(fair, f.first, Fixtures.organiser(), "DELIVERED", "Potwierdzone telefonicznie")
        .statusCode(201)
        .body("statusPl", equalTo("zrealizowany"));
    report(fair, f.first, f.bakery.token(), "DELIVERED", "nie nasz kontrakt").statusCode(403);
    report(fair, f.first, Fixtures.anotherOrganiser(), "DELIVERED", null).statusCode(403);
    report(fair, f.first, f.notary.token(), "DELIVERED", null).statusCode(403);
    report(fair, f.queued, f.ngo.token(), "DELIVERED", null).statusCode(409);
    report(fair, f.first, f.ngo.token(), "PAID", null).statusCode(400);

    as(f.school.token())
        .get("/api/fairs/" + fair + "/contracts/" + f.first + "/follow-ups")
        .then()
        .statusCode(200)
        .body("status", equalTo(List.of("DELIVERED", "IN_PROGRESS")))
        .body("note[1]", equalTo("Próby ruszają we wrześniu"));
    as(f.bakery.token())
        .get("/api/fairs/" + fair + "/contracts/" + f.first + "/follow-ups")
        .then()
        .statusCode(403);
  }

  @Test
  void deliveredValueAndBalancesFollowTheLatestStatusInTablesAndLog() throws Exception {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    report(fair, f.second, f.bakery.token(), "DELIVERED", null).statusCode(201);
    report(fair, f.first, f.school.token(), "DELIVERED", null).statusCode(201);
    report(fair, f.first, f.school.token(), "NOT_FEASIBLE", "Sala w remoncie").statusCode(201);

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var tables = json.readTree(f.tallies(Fixtures.organiser(), ""));
    var log = json.readTree(f.tallies(Fixtures.organiser(), "?source=log"));
    assertThat(log).isEqualTo(tables);
    var followUp = tables.path("followUp");
    assertThat(followUp.path("byStatus").path("DELIVERED").asLong()).isEqualTo(1);
    assertThat(followUp.path("byStatus").path("NOT_FEASIBLE").asLong()).isEqualTo(1);
    assertThat(followUp.path("byStatus").path("NONE").asLong()).isZero();
    assertThat(followUp.path("deliveredValuePln").decimalValue()).isEqualByComparingTo("650.50");
    assertThat(followUp.path("deliveredHours").decimalValue()).isEqualByComparingTo("5");

    as(Fixtures.organiser())
        .get("/api/fairs/" + fair + "/balance?deliveredOnly=true")
        .then()
        .statusCode(200)
        .body(
            "entities.find { it.entityId == " + f.ngo.entityId() + " }.balance.givenPln",
            equalTo(200.0f))
        .body(
            "entities.find { it.entityId == " + f.ngo.entityId() + " }.balance.receivedPln",
            equalTo(300.5f))
        .body("sectors.find { it.sector == 'PUBLIC' }.balance.givenPln", equalTo(150.0f))
        .body("sectors.find { it.sector == 'BUSINESS' }.balance.balancePln", equalTo(-49.5f));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair + "/balance")
        .then()
        .statusCode(200)
        .body("sectors.find { it.sector == 'PUBLIC' }.balance.givenPln", equalTo(550.0f))
        .body("sectors.find { it.sector == 'PUBLIC' }.balance.receivedPln", equalTo(0.0f))
        .body("sectors.find { it.sector == 'PUBLIC' }.balance.receivedHours", equalTo(10.5f));
    as(f.ngo.token()).get("/api/fairs/" + fair + "/balance").then().statusCode(403);
  }

  @Test
  void concurrentReportsOnOneContractLeaveTheTablesAndTheLogAgreeingOnTheLatest() throws Exception {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    List<String> statuses = List.of("IN_PROGRESS", "DELIVERED", "NO_CONTACT", "NOT_FEASIBLE");
    java.util.stream.IntStream.range(0, 12)
        .parallel()
        .forEach(
            i ->
                report(
                        fair,
                        f.second,
                        i % 3 == 0
                            ? Fixtures.organiser()
                            : i % 3 == 1 ? f.ngo.token() : f.bakery.token(),
                        statuses.get(i % 4),
                        "zgłoszenie " + i)
                    .statusCode(201));

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var tables = json.readTree(f.tallies(Fixtures.organiser(), ""));
    var log = json.readTree(f.tallies(Fixtures.organiser(), "?source=log"));
    assertThat(log).isEqualTo(tables);
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair + "/contracts/" + f.second + "/follow-ups")
        .then()
        .body("version", equalTo(List.of(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)));
  }

  @Test
  void theCallListHoldsUnsettledContractsWithoutNewsForTheGivenDays() {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    String stale = "/api/fairs/" + fair + "/follow-ups/stale";

    as(Fixtures.organiser()).get(stale).then().statusCode(200).body("$", hasSize(0));
    as(Fixtures.organiser())
        .get(stale + "?days=0")
        .then()
        .statusCode(200)
        .body("number", equalTo(List.of(1, 2)))
        .body("[0].parties", hasSize(2))
        .body("[0].lastStatus", equalTo(null));

    report(fair, f.first, f.ngo.token(), "DELIVERED", null).statusCode(201);
    report(fair, f.second, f.ngo.token(), "NO_CONTACT", null).statusCode(201);
    as(Fixtures.organiser())
        .get(stale + "?days=0")
        .then()
        .body("number", equalTo(List.of(2)))
        .body("[0].lastStatus", equalTo("NO_CONTACT"));

    // A report from three weeks ago, as if written then (no fake clocks: the row is back-dated).
    pool.preparedQuery(
            "update contract_follow_up set created_at = now() - interval '21 days'"
                + " where contract_id = $1")
        .execute(Tuple.of(f.second))
        .await()
        .atMost(Duration.ofSeconds(5));
    as(Fixtures.organiser())
        .get(stale)
        .then()
        .body("number", equalTo(List.of(2)))
        .body("[0].daysSinceUpdate", equalTo(21));
    report(fair, f.second, f.bakery.token(), "IN_PROGRESS", "Umówione na jesień").statusCode(201);
    as(Fixtures.organiser()).get(stale).then().body("number", not(hasItem(2)));
    as(f.ngo.token()).get(stale).then().statusCode(403);
  }
}
