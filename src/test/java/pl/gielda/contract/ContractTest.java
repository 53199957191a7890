package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

@QuarkusTest
class ContractTest {

  @TestHTTPResource("/")
  URI base;

  private static JsonNode json(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void twoPartiesProposeSignOnBothPhonesAndTheNotaryRegistersNumberOneThenTwo() {
    var fair = Fixtures.fair("LIVE");
    var ngo = Fixtures.person(fair.id(), null);
    var bank = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank", "BUSINESS"));
    var notary = Fixtures.person(fair.id(), null, "notary");

    long id = Contracts.proposed(fair.id(), ngo.token(), Contracts.swap(ngo, bank));
    as(bank.token())
        .get(Contracts.path(fair.id(), id))
        .then()
        .statusCode(200)
        .body("status", equalTo("PROPOSED"))
        .body("version", equalTo(1))
        .body("parties", hasSize(2))
        .body("items[0].description", equalTo("sala na warsztaty"))
        .body("contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));

    Contracts.sign(fair.id(), id, ngo.token()).statusCode(200).body("status", equalTo("PROPOSED"));
    as(notary.token()).get(Contracts.path(fair.id()) + "/queue").then().body("id", hasSize(0));
    Contracts.sign(fair.id(), id, bank.token())
        .statusCode(200)
        .body("status", equalTo("SIGNED"))
        .body("signatures", hasSize(2))
        .body("signatures[0].method", equalTo("PHONE"));

    as(notary.token())
        .get(Contracts.path(fair.id()) + "/queue")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of((int) id)));
    Contracts.register(fair.id(), id, notary.token())
        .statusCode(200)
        .body("status", equalTo("REGISTERED"))
        .body("number", equalTo(1))
        .body("recordHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
        .body("verifyUrl", containsString("/verify/" + fair.id() + "/1?h="));
    as(notary.token()).get(Contracts.path(fair.id()) + "/queue").then().body("id", hasSize(0));

    long second = Contracts.signedBy(fair.id(), Contracts.swap(bank, ngo), bank, ngo);
    Contracts.register(fair.id(), second, notary.token())
        .statusCode(200)
        .body("number", equalTo(2));
  }

  @Test
  void aThreeWayDealGoesToTheQueueOnlyWhenEveryPartySigned() {
    var fair = Fixtures.fair("LIVE");
    var school = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Szkoła", "PUBLIC"));
    var ngo = Fixtures.person(fair.id(), null);
    var shop = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Piekarnia", "BUSINESS"));
    var notary = Fixtures.person(fair.id(), null, "notary");
    Map<String, Object> body = new HashMap<>();
    body.put(
        "partners", List.of(Map.of("entityId", ngo.entityId()), Map.of("personId", shop.id())));
    body.put(
        "items",
        List.of(
            Contracts.item(school.entityId(), ngo.entityId(), "sala gimnastyczna"),
            Contracts.item(ngo.entityId(), shop.entityId(), "wolontariusze na festyn"),
            Contracts.item(shop.entityId(), school.entityId(), "pieczywo na piknik")));
    long id = Contracts.proposed(fair.id(), school.token(), body);

    Contracts.sign(fair.id(), id, school.token()).statusCode(200);
    Contracts.sign(fair.id(), id, ngo.token()).statusCode(200).body("status", equalTo("PROPOSED"));
    as(notary.token()).get(Contracts.path(fair.id()) + "/queue").then().body("id", hasSize(0));
    Contracts.sign(fair.id(), id, shop.token()).statusCode(200).body("status", equalTo("SIGNED"));
    Contracts.register(fair.id(), id, notary.token())
        .statusCode(200)
        .body("number", equalTo(1))
        .body("parties.entityId", hasSize(3));
  }

  @Test
  void theProposerMaySignWhileProposing() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Contracts.swap(a, b));
    body.put("signNow", true);
    long id =
        ((Number)
                Contracts.propose(fair.id(), a.token(), body)
                    .statusCode(201)
                    .body("signatures.entityId", equalTo(List.of((int) a.entityId())))
                    .body("parties.signed", equalTo(List.of(true, false)))
                    .extract()
                    .path("id"))
            .longValue();
    Contracts.sign(fair.id(), id, b.token()).statusCode(200).body("status", equalTo("SIGNED"));
  }

  @Test
  void signingTwiceKeepsOneSignature() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var colleague = Fixtures.person(fair.id(), a.entityId());
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));

    Contracts.sign(fair.id(), id, a.token(), 1, "first").statusCode(200);
    Contracts.sign(fair.id(), id, a.token(), 1, "first").statusCode(200);
    Contracts.sign(fair.id(), id, a.token(), 1, "another-key").statusCode(200);
    Contracts.sign(fair.id(), id, colleague.token(), 1, "colleague")
        .statusCode(200)
        .body("signatures", hasSize(1))
        .body("signatures[0].personId", equalTo((int) a.id()))
        .body("status", equalTo("PROPOSED"));
  }

  @Test
  void aSignatureAnswersWhatReadingTheContractAnswersAndARetryChangesNothing() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Contracts.swap(a, b));
    Map<String, Object> exact = Contracts.item(a.entityId(), b.entityId(), "rzutnik i ekran");
    exact.put("valuePln", new java.math.BigDecimal("1234.50"));
    exact.put("hours", new java.math.BigDecimal("2.25"));
    body.put("items", List.of(exact, Contracts.item(b.entityId(), a.entityId(), "promocja")));
    long id = Contracts.proposed(fair.id(), a.token(), body);
    String key = UUID.randomUUID().toString();

    String signed = Contracts.sign(fair.id(), id, a.token(), 1, key).extract().asString();
    String retried = Contracts.sign(fair.id(), id, a.token(), 1, key).extract().asString();
    String read = as(a.token()).get(Contracts.path(fair.id(), id)).then().extract().asString();

    assertThat(json(retried)).isEqualTo(json(signed));
    assertThat(json(signed)).isEqualTo(json(read));
    assertThat(json(signed).at("/items/0/valuePln").decimalValue()).isEqualByComparingTo("1234.50");
    assertThat(json(signed).at("/signatures").size()).isEqualTo(1);
    // The same key for another request is a client bug, told apart from a retry.
    Contracts.sign(fair.id(), id, a.token(), 2, key)
        .statusCode(422)
        .body("type", equalTo("urn:gielda:problem:idempotency-key-reused"));
  }

  @Test
  void signingAVersionThatIsNoLongerCurrentIsRefused() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
    edit(fair.id(), id, a, b, 1, "sala na warsztaty i rzutnik").statusCode(200);

    Contracts.sign(fair.id(), id, b.token(), 1, UUID.randomUUID().toString())
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:stale-version"));
    as(b.token())
        .body(Map.of("version", 2, "contentHash", "0".repeat(64)))
        .post(Contracts.path(fair.id(), id) + "/sign")
        .then()
        .statusCode(409);
    String hash = (String) Contracts.get(fair.id(), id, b.token()).get("contentHash");
    as(b.token())
        .body(Map.of("version", 2, "contentHash", hash))
        .post(Contracts.path(fair.id(), id) + "/sign")
        .then()
        .statusCode(200)
        .body("signatures[0].contentHash", equalTo(hash));
  }

  @Test
  void anEditClearsEarlierSignaturesAndBumpsTheVersion() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    var before = Contracts.get(fair.id(), id, a.token());
    assertThat(before.get("status")).isEqualTo("SIGNED");

    edit(fair.id(), id, b, a, 1, "duża sala na warsztaty")
        .statusCode(200)
        .body("version", equalTo(2))
        .body("status", equalTo("PROPOSED"))
        .body("signatures", hasSize(0))
        .body("parties.signed", equalTo(List.of(false, false)))
        .body("contentHash", not(equalTo(before.get("contentHash"))));
    edit(fair.id(), id, b, a, 1, "stale edit")
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:stale-version"));
  }

  @Test
  void aPartyWithdrawsBeforeRegistrationAndNothingMoreCanBeSigned() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
    as(b.token())
        .body(Map.of("reason", "Jednak nie mamy terminu"))
        .post(Contracts.path(fair.id(), id) + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawnReason", equalTo("Jednak nie mamy terminu"));
    Contracts.sign(fair.id(), id, a.token(), 1, "late")
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:contract-withdrawn"));
  }

  @Test
  void proposingFaceToFaceWithTheScannedBadgeNamesItemsByPartyPosition() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Dom Kultury", "PUBLIC"));
    as(a.token())
        .body(Map.of("partnerCode", b.partnerCode()))
        .post(Contracts.path(fair.id()) + "/partner-lookup")
        .then()
        .statusCode(200)
        .body("personId", equalTo((int) b.id()))
        .body("entityId", equalTo((int) b.entityId()))
        .body("$", not(org.hamcrest.Matchers.hasKey("signInSecret")));
    Map<String, Object> give = new HashMap<>(Contracts.item(0, 0, "zajęcia plastyczne"));
    give.remove("fromEntityId");
    give.remove("toEntityId");
    give.put("fromParty", 0);
    give.put("toParty", 1);
    Map<String, Object> body =
        Map.of("partners", List.of(Map.of("partnerCode", b.partnerCode())), "items", List.of(give));
    String json =
        Contracts.propose(fair.id(), a.token(), body)
            .statusCode(201)
            .body("origin", equalTo("BADGE"))
            .body("items[0].fromEntityId", equalTo((int) a.entityId()))
            .body("items[0].toEntityId", equalTo((int) b.entityId()))
            .extract()
            .asString();
    assertThat(json).doesNotContain(b.signInSecret());
  }

  @Test
  void nothingIsSignedOnceTheFairIsClosedButTheNotaryStillRegisters() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long late = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
    long done = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    as(Fixtures.organiser())
        .body(Map.of("phase", "CLOSED"))
        .post("/api/fairs/" + fair.id() + "/phase")
        .then()
        .statusCode(200);
    Contracts.sign(fair.id(), late, b.token(), 1, "after-close")
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:fair-not-open"));
    Contracts.register(fair.id(), done, notary.token()).statusCode(200).body("number", equalTo(1));
  }

  @Test
  void anUnknownBadgeOrAContractWithOnlyOurselvesIsAFieldError() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("partnerCode", "NOSUCH")));
    body.put("items", List.of(Contracts.item(a.entityId(), a.entityId(), "coś")));
    Contracts.propose(fair.id(), a.token(), body)
        .statusCode(400)
        .body("errors[0].field", equalTo("partners[0]"));
    body.put("partners", List.of(Map.of("entityId", a.entityId())));
    Contracts.propose(fair.id(), a.token(), body)
        .statusCode(400)
        .body("errors[0].field", equalTo("partners[0]"));
    body.put("partners", List.of(Map.of("entityId", 1, "personId", 2)));
    Contracts.propose(fair.id(), a.token(), body).statusCode(400);
    body.put("notes", "x".repeat(1001));
    Contracts.propose(fair.id(), a.token(), body)
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("notes"));
  }

  @Test
  void theHelpDeskProposesAndSignsOnBehalfOfAPersonWithoutAPhone() {
    var fair = Fixtures.fair("LIVE");
    var animator = Fixtures.person(fair.id(), null, "animator");
    var resident = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Jan", "INDIVIDUAL"));
    var ngo = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Contracts.swap(resident, ngo));
    body.put("onBehalfOf", resident.id());
    long id = Contracts.proposed(fair.id(), animator.token(), body);
    assertThat(Contracts.get(fair.id(), id, ngo.token()).get("proposedOnBehalfBy"))
        .isEqualTo((int) animator.id());

    as(animator.token())
        .body(Map.of("version", 1, "onBehalfOf", resident.id()))
        .post(Contracts.path(fair.id(), id) + "/sign")
        .then()
        .statusCode(200)
        .body("signatures[0].personId", equalTo((int) resident.id()))
        .body("signatures[0].entityId", equalTo((int) resident.entityId()))
        .body("signatures[0].onBehalfBy", equalTo((int) animator.id()))
        .body("signatures[0].method", equalTo("HELP_DESK"));
    as(ngo.token())
        .body(Map.of("version", 1, "onBehalfOf", resident.id()))
        .post(Contracts.path(fair.id(), id) + "/sign")
        .then()
        .statusCode(403);
  }

  @Test
  void onlyThePartiesSeeAndSignTheirContract() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    var stranger = Fixtures.person(fair.id(), null);
    long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));

    as(stranger.token()).get(Contracts.path(fair.id(), id)).then().statusCode(403);
    Contracts.sign(fair.id(), id, stranger.token(), 1, "x").statusCode(403);
    as(stranger.token())
        .body(Map.of())
        .post(Contracts.path(fair.id(), id) + "/withdraw")
        .then()
        .statusCode(403);
    as(stranger.token())
        .get(Contracts.path(fair.id()))
        .then()
        .statusCode(200)
        .body("id", hasSize(0));
    as(b.token()).get(Contracts.path(fair.id())).then().body("id", equalTo(List.of((int) id)));
  }

  @Test
  void participantsCannotDoTheNotarysWork() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    Contracts.register(fair.id(), id, a.token()).statusCode(403);
    as(a.token()).get(Contracts.path(fair.id()) + "/queue").then().statusCode(403);
    as(a.token())
        .body(Map.of("reason", "nie podoba mi się"))
        .post(Contracts.path(fair.id(), id) + "/return")
        .then()
        .statusCode(403);
  }

  @Test
  void nobodyFromAnotherFairSeesAnything() {
    var fair = Fixtures.fair("LIVE");
    var other = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    var outsider = Fixtures.person(other.id(), null);
    var otherNotary = Fixtures.person(other.id(), null, "notary");
    long id = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    as(outsider.token()).get(Contracts.path(fair.id(), id)).then().statusCode(403);
    as(outsider.token()).get(Contracts.path(fair.id())).then().statusCode(403);
    Contracts.sign(fair.id(), id, outsider.token(), 1, "x").statusCode(403);
    as(otherNotary.token()).get(Contracts.path(fair.id()) + "/queue").then().statusCode(403);
    Contracts.register(fair.id(), id, otherNotary.token()).statusCode(403);
    Contracts.register(fair.id(), id, Fixtures.anotherOrganiser()).statusCode(403);
    // The contract id exists only in its own fair.
    as(otherNotary.token()).get(Contracts.path(other.id(), id)).then().statusCode(404);
  }

  @Test
  void aScreenLinkIsReadOnly() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    long id = Contracts.signedBy(fair.id(), Contracts.swap(a, b), a, b);
    String screen = Fixtures.screen(fair.id());
    as(screen).get(Contracts.path(fair.id())).then().statusCode(403);
    as(screen).get(Contracts.path(fair.id(), id)).then().statusCode(403);
    as(screen).get(Contracts.path(fair.id()) + "/queue").then().statusCode(403);
    Contracts.register(fair.id(), id, screen).statusCode(403);
    Contracts.propose(fair.id(), screen, Contracts.swap(a, b)).statusCode(403);
  }

  @Test
  void theBoardHearsOfAProposalWithoutItsContent() {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), null);
    var bystander = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), bystander.token())) {
      board.resume(null, 0).awaitType("caughtUp");
      long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
      JsonNode event = board.awaitType("event");
      assertThat(event.at("/event/kind").asText()).isEqualTo("contract.proposed");
      assertThat(event.at("/event/contractId").asLong()).isEqualTo(id);
      assertThat(event.at("/event/parties").toString())
          .contains(String.valueOf(a.entityId()), String.valueOf(b.entityId()));
      assertThat(event.toString()).doesNotContain("sala na warsztaty");
      Contracts.sign(fair.id(), id, b.token()).statusCode(200);
      JsonNode signed = board.awaitType("event");
      assertThat(signed.at("/event/kind").asText()).isEqualTo("contract.signed");
      assertThat(signed.at("/event/signed/0").asLong()).isEqualTo(b.entityId());
      assertThat(signed.at("/event/signed")).hasSize(1);
      assertThat(signed.at("/event/parties")).isEqualTo(event.at("/event/parties"));
      assertThat(signed.at("/event/status").asText()).isEqualTo("PROPOSED");
      Contracts.sign(fair.id(), id, a.token()).statusCode(200);
      JsonNode both = board.awaitType("event");
      assertThat(both.at("/event/status").asText()).isEqualTo("SIGNED");
      assertThat(both.at("/event/signed")).hasSize(2);
    }
  }

  static io.restassured.response.ValidatableResponse edit(
      long fairId,
      long id,
      Fixtures.PersonRef editor,
      Fixtures.PersonRef other,
      int version,
      String description) {
    return as(editor.token())
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(
            Map.of(
                "version",
                version,
                "items",
                List.of(
                    Contracts.item(editor.entityId(), other.entityId(), description),
                    Contracts.item(other.entityId(), editor.entityId(), "promocja"))))
        .put(Contracts.path(fairId, id))
        .then();
  }
}
