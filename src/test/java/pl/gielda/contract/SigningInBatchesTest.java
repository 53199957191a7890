package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import pl.gielda.support.Fixtures.PersonRef;

/**
 * Signatures that arrive together are written together (group commit), each with its own answer.
 */
@QuarkusTest
class SigningInBatchesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  @Inject MeterRegistry metrics;

  private final HttpClient http = HttpClient.newHttpClient();

  private record Signature(long contract, PersonRef who, int version, String key) {}

  private CompletableFuture<HttpResponse<String>> send(long fair, Signature s) {
    return http.sendAsync(
        HttpRequest.newBuilder(base.resolve(Contracts.path(fair, s.contract()) + "/sign"))
            .header("Authorization", "Bearer " + s.who().token())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", s.key())
            .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + s.version() + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private DistributionSummary batchSizes() {
    return metrics.summary("gielda.signing.batch.size");
  }

  @Test
  void manyPartiesSigningAtOnceAreWrittenInBatchesEachKeyOnceAndEachRefusalAlone() {
    var fair = Fixtures.fair("LIVE");
    List<PersonRef[]> pairs = new ArrayList<>();
    List<Long> contracts = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      PersonRef a = Fixtures.person(fair.id(), null);
      PersonRef b = Fixtures.person(fair.id(), null);
      pairs.add(new PersonRef[] {a, b});
      contracts.add(Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b)));
    }
    List<Signature> signatures = new ArrayList<>();
    for (int i = 0; i < contracts.size(); i++) {
      for (PersonRef who : pairs.get(i)) {
        signatures.add(new Signature(contracts.get(i), who, 1, UUID.randomUUID().toString()));
      }
    }
    // A party of the first contract read an old version: refused, and its key is given back.
    Signature stale = new Signature(contracts.get(0), pairs.get(0)[0], 7, "stale-then-right");
    double batchedBefore = batchSizes().totalAmount();
    long batchesBefore = batchSizes().count();

    List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> doubleTaps = new ArrayList<>();
    for (Signature s : signatures) {
      first.add(send(fair.id(), s));
      doubleTaps.add(send(fair.id(), s));
    }
    var refused = send(fair.id(), stale);
    CompletableFuture.allOf(first.toArray(new CompletableFuture[0])).join();
    CompletableFuture.allOf(doubleTaps.toArray(new CompletableFuture[0])).join();

    long batches = batchSizes().count() - batchesBefore;
    double batched = batchSizes().totalAmount() - batchedBefore;
    assertThat(batched).as("every request went through a batch").isGreaterThanOrEqualTo(61);
    assertThat(batches).as("fewer transactions than signatures").isLessThan((long) batched);

    for (int i = 0; i < signatures.size(); i++) {
      HttpResponse<String> a = first.get(i).join();
      HttpResponse<String> b = doubleTaps.get(i).join();
      assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
      assertThat(json(b)).as("a double tap gets the first answer").isEqualTo(json(a));
    }
    assertThat(refused.join().statusCode()).isEqualTo(409);
    assertThat(json(refused.join()).path("type").asText())
        .isEqualTo("urn:gielda:problem:stale-version");

    Set<Long> signedContracts = new HashSet<>();
    for (int i = 0; i < contracts.size(); i++) {
      var c = Contracts.get(fair.id(), contracts.get(i), pairs.get(i)[0].token());
      assertThat(c.get("status")).isEqualTo("SIGNED");
      assertThat((List<?>) c.get("signatures")).hasSize(2);
      signedContracts.add(contracts.get(i));
    }
    JsonNode archive =
        json(
            as(Fixtures.organiser())
                .get("/api/fairs/" + fair.id() + "/exports/json")
                .then()
                .statusCode(200)
                .extract()
                .response()
                .asString());
    int signedEvents = 0;
    long expected = 1;
    for (JsonNode e : archive.path("events")) {
      assertThat(e.path("seq").asLong()).as("the log has no gap").isEqualTo(expected++);
      if ("contract.signed".equals(e.path("type").asText())) {
        signedEvents++;
      }
    }
    assertThat(signedEvents).as("one event per signature, none per retry").isEqualTo(30);
    assertThat(signedContracts).hasSize(15);

    // The refused key was given back: the same key with the right version now signs (nothing new).
    Contracts.sign(fair.id(), contracts.get(0), pairs.get(0)[0].token(), 1, stale.key())
        .statusCode(200)
        .body("status", equalTo("SIGNED"));
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRevokedBadgeCannotSignInABatch() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
    as(Fixtures.organiser())
        .post("/api/fairs/" + fair.id() + "/people/" + b.id() + "/badge")
        .then()
        .statusCode(200);

    Contracts.sign(fair.id(), id, b.token(), 1, "revoked")
        .statusCode(401)
        .body("detail", containsString("revoked"));
    Contracts.sign(fair.id(), id, a.token(), 1, "still-valid")
        .statusCode(200)
        .body("signatures.size()", equalTo(1));
  }
}
