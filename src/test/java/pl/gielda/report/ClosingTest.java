package pl.gielda.report;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class ClosingTest {

  @Inject Pool pool;

  @Test
  void closingKeepsTheFiguresFoldedFromTheLogWithTheLastNumberAndChainHead() {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    String closing = "/api/fairs/" + fair + "/closing";
    as(Fixtures.organiser()).get(closing).then().statusCode(409);
    int seq =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair + "/tallies")
            .then()
            .extract()
            .path("seq");

    Fixtures.closeFair(fair);

    as(f.notary.token())
        .get(closing)
        .then()
        .statusCode(200)
        .body("matches", equalTo(true))
        .body("mismatch", nullValue())
        .body("seq", equalTo(seq + 1))
        .body("contracts", equalTo(2))
        .body("chainHead", matchesPattern("[0-9a-f]{64}"))
        .body("tallies.headline.contracts", equalTo(2))
        .body("tallies.headline.valuePln", equalTo(1050.5f))
        .body("tablesTallies", nullValue());
    as(f.ngo.token()).get(closing).then().statusCode(403);
  }

  @Test
  void whenTheTablesDisagreeWithTheLogTheFairStillClosesAndTheDifferenceIsShown() {
    SmallFair f = new SmallFair();
    long fair = f.fair.id();
    // Someone changed a row behind the log's back.
    pool.preparedQuery("update person set checked_in_at = null where id = $1")
        .execute(Tuple.of(f.bakery.id()))
        .await()
        .atMost(Duration.ofSeconds(5));

    Fixtures.closeFair(fair);

    as(Fixtures.organiser()).get("/api/fairs/" + fair).then().body("phase", equalTo("CLOSED"));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair + "/closing")
        .then()
        .statusCode(200)
        .body("matches", equalTo(false))
        .body("mismatch", containsString("headline.present: 4 (log) ≠ 3 (tables)"))
        .body("tallies.headline.present", equalTo(4))
        .body("tablesTallies.headline.present", equalTo(3))
        .body("tablesTallies", notNullValue());
  }
}
