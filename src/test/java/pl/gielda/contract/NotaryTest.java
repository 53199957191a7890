package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

@QuarkusTest
class NotaryTest {

  @TestHTTPResource("/")
  URI base;

  @Test
  void concurrentRegistrationsFromTwoNotariesGetDistinctConsecutiveNumbers() {
    var fair = Fixtures.fair("LIVE");
    var notaries =
        List.of(
            Fixtures.person(fair.id(), null, "notary"), Fixtures.person(fair.id(), null, "notary"));
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    List<Long> ids =
        IntStream.range(0, 10)
            .mapToObj(i -> Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b))
            .toList();

    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      String token = notaries.get(i % 2).token();
      calls.add(
          CompletableFuture.supplyAsync(
              () ->
                  Contracts.register(fair.id(), id, token)
                      .statusCode(200)
                      .extract()
                      .<Integer>path("number")));
    }
    List<Integer> numbers = calls.stream().map(CompletableFuture::join).sorted().toList();
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
    as(notaries.get(0).token())
        .get(Contracts.path(fair.id()) + "/chain/verify")
        .then()
        .body("valid", equalTo(true))
        .body("count", equalTo(10));
  }

  @Test
  void twoNotariesRegisteringTheSameContractGiveItOneNumber() {
    var fair = Fixtures.fair("LIVE");
    var n1 = Fixtures.person(fair.id(), null, "notary");
    var n2 = Fixtures.person(fair.id(), null, "notary");
    long id = Contracts.signedSwap(fair.id());
    var first = CompletableFuture.supplyAsync(() -> Contracts.register(fair.id(), id, n1.token()));
    var second = CompletableFuture.supplyAsync(() -> Contracts.register(fair.id(), id, n2.token()));
    List<Integer> statuses =
        List.of(first.join().extract().statusCode(), second.join().extract().statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(Contracts.get(fair.id(), id, n1.token()).get("number")).isEqualTo(1);
  }

  @Test
  void aReturnedContractGoesBackToThePartiesWithTheReasonAndWithoutSignatures() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    as(notary.token())
        .body(Map.of("reason", "Brakuje terminu realizacji promocji"))
        .post(Contracts.path(fair.id(), id) + "/return")
        .then()
        .statusCode(200)
        .body("status", equalTo("RETURNED"));

    as(b.token())
        .get(Contracts.path(fair.id(), id))
        .then()
        .body("status", equalTo("RETURNED"))
        .body("returnedReason", equalTo("Brakuje terminu realizacji promocji"))
        .body("signatures", hasSize(0));
    as(notary.token()).get(Contracts.path(fair.id()) + "/queue").then().body("id", hasSize(0));
    Contracts.register(fair.id(), id, notary.token())
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:not-signed"));

    Contracts.sign(fair.id(), id, a.token()).statusCode(200);
    Contracts.sign(fair.id(), id, b.token()).statusCode(200).body("status", equalTo("SIGNED"));
    Contracts.register(fair.id(), id, notary.token()).statusCode(200).body("number", equalTo(1));
  }

  @Test
  void moneyStopsTheContractUntilTheNotaryJustifiesTheFalseAlarm() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var ngo = Fixtures.person(fair.id(), null);
    var bank =
        Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank Spółdzielczy", "BUSINESS"));
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("personId", bank.id())));
    body.put(
        "items",
        List.of(
            Contracts.item(bank.entityId(), ngo.entityId(), "Sala na warsztaty o przelewach"),
            Contracts.item(ngo.entityId(), bank.entityId(), "Płatność przelewem po wykonaniu.")));
    long id = Contracts.proposed(fair.id(), ngo.token(), body);
    as(bank.token())
        .get(Contracts.path(fair.id(), id))
        .then()
        .body("moneyFlagged", equalTo(true))
        .body("moneyFindings.field", hasItem("items[1].description"))
        .body("moneyFindings[0].reasonPl", notNullValue())
        .body("warnings.code", hasItem("money"));
    Contracts.sign(fair.id(), id, ngo.token()).statusCode(200);
    Contracts.sign(fair.id(), id, bank.token()).statusCode(200);

    as(notary.token())
        .get(Contracts.path(fair.id()) + "/queue")
        .then()
        .body("[0].moneyFlagged", equalTo(true))
        .body("[0].warnings.code", hasItem("money"));
    Contracts.register(fair.id(), id, notary.token())
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:money-flagged"));
    as(notary.token())
        .body(Map.of("justification", "za krótko"))
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("justification"));
    String why = "Płatność dotyczy warsztatów o bankowości, nie rozliczenia między stronami";
    as(notary.token())
        .body(Map.of("justification", why))
        .post(Contracts.path(fair.id(), id) + "/register")
        .then()
        .statusCode(200)
        .body("number", equalTo(1))
        .body("moneyJustification", equalTo(why));
    as(ngo.token())
        .get(Contracts.path(fair.id(), id))
        .then()
        .body("moneyJustification", equalTo(why));
  }

  @Test
  void theNotaryEntersAPaperContractThatIsRegisteredAtOnce() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var senior =
        Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Klub Seniora", "INFORMAL_GROUP"));
    var library = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Biblioteka", "PUBLIC"));
    Map<String, Object> body = new HashMap<>();
    body.put(
        "parties",
        List.of(Map.of("entityId", senior.entityId()), Map.of("personId", library.id())));
    body.put(
        "items",
        List.of(
            Contracts.item(library.entityId(), senior.entityId(), "sala czytelni w czwartki"),
            Contracts.item(senior.entityId(), library.entityId(), "wolontariusze na kiermasz")));
    body.put("signatories", List.of(senior.id(), library.id()));
    as(notary.token())
        .header("Idempotency-Key", "paper-1")
        .body(body)
        .post(Contracts.path(fair.id()) + "/paper")
        .then()
        .statusCode(201)
        .body("source", equalTo("PAPER"))
        .body("status", equalTo("REGISTERED"))
        .body("number", equalTo(1))
        .body("signatures.method", equalTo(List.of("PAPER", "PAPER")))
        .body("signatures[0].onBehalfBy", equalTo((int) notary.id()));
    as(notary.token())
        .header("Idempotency-Key", "paper-1")
        .body(body)
        .post(Contracts.path(fair.id()) + "/paper")
        .then()
        .statusCode(201)
        .body("number", equalTo(1));

    body.put("signatories", List.of(senior.id()));
    as(notary.token())
        .body(body)
        .post(Contracts.path(fair.id()) + "/paper")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("signatories"));
    as(senior.token()).body(body).post(Contracts.path(fair.id()) + "/paper").then().statusCode(403);
  }

  @Test
  void theOwningOrganiserMayAlsoRegister() {
    var fair = Fixtures.fair("LIVE");
    long id = Contracts.signedSwap(fair.id());
    Contracts.register(fair.id(), id, Fixtures.organiser())
        .statusCode(200)
        .body("registeredByName", notNullValue());
  }

  @Test
  void aRegisteredContractReachesTheBigScreenWithItsNumberAndTheCounters() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var ngo = Fixtures.person(fair.id(), null);
    var bank = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank", "BUSINESS"));
    long id = Contracts.signedBy(fair.id(), Contracts.swap(ngo, bank), ngo, bank);
    String screen = Fixtures.screen(fair.id());
    try (BoardClient board = BoardClient.connect(base, fair.id(), screen)) {
      JsonNode snapshot = board.resume(null, 0).awaitType("snapshot");
      assertThat(snapshot.at("/counters/contracts").asLong()).isZero();
      board.awaitType("caughtUp");
      Contracts.register(fair.id(), id, notary.token()).statusCode(200);
      JsonNode event = board.await(m -> "contract.registered".equals(m.at("/event/kind").asText()));
      assertThat(event.at("/event/number").asInt()).isEqualTo(1);
      assertThat(event.at("/event/parties/1/sector").asText()).isEqualTo("BUSINESS");
      assertThat(event.at("/event/parties/0/name").asText()).startsWith("Fundacja");
      assertThat(event.at("/event/headline").asText())
          .isEqualTo("sala na warsztaty ↔ promocja w mediach społecznościowych");
    }
    try (BoardClient again = BoardClient.connect(base, fair.id(), screen)) {
      JsonNode snapshot = again.resume(null, 0).awaitType("snapshot");
      assertThat(snapshot.at("/counters/contracts").asLong()).isEqualTo(1);
    }
    as(ngo.token())
        .get(Contracts.path(fair.id(), id))
        .then()
        .body("verifyUrl", containsString("/verify/" + fair.id() + "/1?h="));
  }
}
