package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

/**
 * Registrations that arrive together take the fair's counter once (group commit), and still get one
 * number each, in one chain, with one answer per key.
 */
@QuarkusTest
class RegistrationInBatchesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  @Inject MeterRegistry metrics;

  private final HttpClient http = HttpClient.newHttpClient();

  private CompletableFuture<HttpResponse<String>> register(
      long fair, long contract, String token, String key) {
    return http.sendAsync(
        HttpRequest.newBuilder(base.resolve(Contracts.path(fair, contract) + "/register"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private DistributionSummary batchSizes() {
    return metrics.summary("gielda.registration.batch.size");
  }

  @Test
  void twoNotariesRegisteringAtOnceGetOneNumberPerContractInOneChainEachKeyOnce() {
    var fair = Fixtures.fair("LIVE");
    var notaryA = Fixtures.person(fair.id(), null, "notary");
    var notaryB = Fixtures.person(fair.id(), null, "notary");
    List<Long> signed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      signed.add(Contracts.signedSwap(fair.id()));
    }
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long unsigned = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
    double before = batchSizes().totalAmount();
    long batchesBefore = batchSizes().count();

    List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> doubleTaps = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> otherNotary = new ArrayList<>();
    for (int i = 0; i < signed.size(); i++) {
      String key = UUID.randomUUID().toString();
      first.add(register(fair.id(), signed.get(i), notaryA.token(), key));
      doubleTaps.add(register(fair.id(), signed.get(i), notaryA.token(), key));
      if (i % 5 == 0) {
        // The other desk registers the same contract at the same moment.
        otherNotary.add(register(fair.id(), signed.get(i), notaryB.token(), "b-" + key));
      }
    }
    var notSigned = register(fair.id(), unsigned, notaryB.token(), "unsigned");
    CompletableFuture.allOf(first.toArray(new CompletableFuture[0])).join();
    CompletableFuture.allOf(doubleTaps.toArray(new CompletableFuture[0])).join();
    CompletableFuture.allOf(otherNotary.toArray(new CompletableFuture[0])).join();

    double batched = batchSizes().totalAmount() - before;
    long batches = batchSizes().count() - batchesBefore;
    assertThat(batched).as("every request went through a batch").isEqualTo(45);
    assertThat(batches).as("fewer transactions than registrations").isLessThan(45);

    Set<Integer> numbers = new HashSet<>();
    int wonByB = 0;
    for (int i = 0; i < signed.size(); i++) {
      HttpResponse<String> r = first.get(i).join();
      HttpResponse<String> tap = doubleTaps.get(i).join();
      assertThat(json(tap.body()))
          .as("a double tap gets the first answer")
          .isEqualTo(json(r.body()));
      if (r.statusCode() == 200) {
        numbers.add(json(r.body()).path("number").asInt());
      } else {
        assertThat(json(r.body()).path("type").asText())
            .isEqualTo("urn:gielda:problem:already-registered");
        wonByB++;
      }
    }
    int lostByB = 0;
    for (var r : otherNotary) {
      if (r.join().statusCode() == 200) {
        numbers.add(json(r.join().body()).path("number").asInt());
      } else {
        assertThat(json(r.join().body()).path("type").asText())
            .isEqualTo("urn:gielda:problem:already-registered");
        lostByB++;
      }
    }
    assertThat(wonByB + lostByB).as("each contested contract registered once").isEqualTo(4);
    assertThat(numbers).as("numbers 1..20, each once").hasSize(20);
    assertThat(numbers).allMatch(n -> n >= 1 && n <= 20);
    assertThat(notSigned.join().statusCode()).isEqualTo(409);
    assertThat(json(notSigned.join().body()).path("type").asText())
        .isEqualTo("urn:gielda:problem:not-signed");

    as(Fixtures.organiser())
        .get(Contracts.path(fair.id()) + "/chain/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("count", equalTo(20));
    JsonNode archive =
        json(
            as(Fixtures.organiser())
                .get("/api/fairs/" + fair.id() + "/exports/json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    long expected = 1;
    Set<Long> registeredEvents = new HashSet<>();
    for (JsonNode e : archive.path("events")) {
      assertThat(e.path("seq").asLong()).as("the log has no gap").isEqualTo(expected++);
      if ("contract.registered".equals(e.path("type").asText())) {
        JsonNode payload = e.path("payload");
        if (payload.isTextual()) {
          payload = json(payload.asText());
        }
        assertThat(registeredEvents.add(payload.path("contractId").asLong())).isTrue();
      }
    }
    assertThat(registeredEvents).containsExactlyInAnyOrderElementsOf(signed);

    // The refused key was given back: once both have signed, the same key registers number 21.
    Contracts.sign(fair.id(), unsigned, a.token()).statusCode(200);
    Contracts.sign(fair.id(), unsigned, b.token()).statusCode(200);
    as(notaryB.token())
        .header("Idempotency-Key", "unsigned")
        .body("{}")
        .post(Contracts.path(fair.id(), unsigned) + "/register")
        .then()
        .statusCode(200)
        .body("number", equalTo(21));
  }

  @Test
  void onlyTheFairsOwnStaffWithValidBadgesRegister() {
    var fair = Fixtures.fair("LIVE");
    long id = Contracts.signedSwap(fair.id());
    var revoked = Fixtures.person(fair.id(), null, "notary");
    as(Fixtures.organiser())
        .post("/api/fairs/" + fair.id() + "/people/" + revoked.id() + "/badge")
        .then()
        .statusCode(200);
    var elsewhere = Fixtures.person(Fixtures.fair("LIVE").id(), null, "notary");

    as(Fixtures.anotherOrganiser())
        .header("Idempotency-Key", "other-organiser")
        .body("{}")
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(403);
    as(revoked.token())
        .header("Idempotency-Key", "revoked")
        .body("{}")
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(401);
    as(elsewhere.token())
        .header("Idempotency-Key", "elsewhere")
        .body("{}")
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(403);
    as(Fixtures.organiser())
        .header("Idempotency-Key", "owner")
        .body("{}")
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(200)
        .body("number", equalTo(1));
  }
}
