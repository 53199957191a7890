package pl.gielda.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

@QuarkusTest
class LiveMatchingTest {

  @TestHTTPResource("/")
  URI base;

  private static Map<String, Object> post(
      String kind, String category, String title, String description) {
    return Map.of(
        "kind",
        kind,
        "category",
        category,
        "title",
        title,
        "description",
        description,
        "town",
        "Tczew");
  }

  @Test
  void requestGetsTheRoomOfferWithReasonsAPersonUnderstands() {
    var fair = Fixtures.fair("LIVE");
    var seeker = Fixtures.person(fair.id(), null);
    var owner = Fixtures.person(fair.id(), null);
    long request =
        Fixtures.createPost(
            fair.id(),
            seeker.token(),
            post("REQUEST", "ROOMS", "Potrzebna sala na warsztaty", "Szukamy sali dla 20 osób"));
    long offer =
        Fixtures.createPost(
            fair.id(),
            owner.token(),
            post("OFFER", "ROOMS", "Udostępnimy salę", "Sala konferencyjna na 30 osób"));
    Fixtures.createPost(
        fair.id(),
        owner.token(),
        post("OFFER", "CATERING", "Domowe ciasta", "Upieczemy ciasto na festyn"));
    List<Map<String, Object>> matches =
        as(seeker.token())
            .get("/api/fairs/" + fair.id() + "/matches/for/" + request)
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertThat(matches).isNotEmpty();
    assertThat(((Number) ((Map<?, ?>) matches.get(0).get("post")).get("id")).longValue())
        .isEqualTo(offer);
    assertThat(matches.get(0).get("good")).isEqualTo(true);
    assertThat((List<?>) matches.get(0).get("reasons")).isNotEmpty();
  }

  @Test
  void aRequestWithNothingRelevantGetsNoGoodMatchAndIsStillLooking() {
    var fair = Fixtures.fair("LIVE");
    var seeker = Fixtures.person(fair.id(), null);
    var other = Fixtures.person(fair.id(), null);
    Fixtures.createPost(
        fair.id(),
        other.token(),
        post("OFFER", "CATERING", "Pierogi na festyn", "Ulepimy pierogi"));
    long request =
        Fixtures.createPost(
            fair.id(),
            seeker.token(),
            post("REQUEST", "EQUIPMENT", "Koparka do ogrodu", "Potrzebna koparka na jeden dzień"));
    as(seeker.token())
        .get("/api/fairs/" + fair.id() + "/matches/for/" + request)
        .then()
        .statusCode(200)
        .body("findAll { it.good == true }", hasSize(0));
    as(Fixtures.screen(fair.id()))
        .get("/api/fairs/" + fair.id() + "/still-looking")
        .then()
        .statusCode(200)
        .body("id", hasItem((int) request));
  }

  @Test
  void newMatchIsPushedToTheRightPhonesOnly() {
    var fair = Fixtures.fair("LIVE");
    var seeker = Fixtures.person(fair.id(), null);
    var owner = Fixtures.person(fair.id(), null);
    var bystander = Fixtures.person(fair.id(), null);
    long request =
        Fixtures.createPost(
            fair.id(),
            seeker.token(),
            post("REQUEST", "EQUIPMENT", "Rzutnik na spotkanie", "Potrzebujemy rzutnika i ekranu"));
    try (BoardClient seekerPhone = BoardClient.connect(base, fair.id(), seeker.token());
        BoardClient bystanderPhone = BoardClient.connect(base, fair.id(), bystander.token())) {
      seekerPhone.resume(null, 0).awaitType("caughtUp");
      bystanderPhone.resume(null, 0).awaitType("caughtUp");
      long offer =
          Fixtures.createPost(
              fair.id(),
              owner.token(),
              post(
                  "OFFER",
                  "EQUIPMENT",
                  "Projektor multimedialny",
                  "Pożyczymy projektor z ekranem"));
      JsonNode match = seekerPhone.awaitType("match");
      assertThat(match.get("postId").asLong()).isEqualTo(request);
      assertThat(match.at("/match/postId").asLong()).isEqualTo(offer);
      // The bystander sees the new post but no match: everything before the pong is checked.
      bystanderPhone.send("{\"type\":\"ping\"}");
      bystanderPhone.await(
          m -> {
            assertThat(m.path("type").asText()).isNotEqualTo("match");
            return m.path("type").asText().equals("pong");
          });
    }
  }

  @Test
  void mineListsMyPostsWithTheirMatches() {
    var fair = Fixtures.fair("LIVE");
    var me = Fixtures.person(fair.id(), null);
    var other = Fixtures.person(fair.id(), null);
    Fixtures.createPost(
        fair.id(),
        me.token(),
        post("REQUEST", "TRANSPORT", "Transport na dożynki", "Potrzebny bus dla 15 osób"));
    long bus =
        Fixtures.createPost(
            fair.id(),
            other.token(),
            post("OFFER", "TRANSPORT", "Bus z kierowcą", "Przewieziemy grupę busem"));
    as(me.token())
        .get("/api/fairs/" + fair.id() + "/matches/mine")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].matches[0].post.id", equalTo((int) bus));
  }

  @Test
  void reciprocalNeedsBecomeASwapSeenByItsPartiesButNotByOthers() {
    var fair = Fixtures.fair("LIVE");
    var bank = Fixtures.person(fair.id(), null);
    var ngo = Fixtures.person(fair.id(), null);
    var outsider = Fixtures.person(fair.id(), null);
    Fixtures.createPost(
        fair.id(),
        bank.token(),
        post("OFFER", "ROOMS", "Sala konferencyjna", "Udostępnimy salę na szkolenie"));
    Fixtures.createPost(
        fair.id(),
        bank.token(),
        post(
            "REQUEST",
            "PROMOTION",
            "Promocja wydarzenia",
            "Potrzebujemy promocji w mediach lokalnych"));
    Fixtures.createPost(
        fair.id(),
        ngo.token(),
        post(
            "OFFER",
            "PROMOTION",
            "Promocja w newsletterze",
            "Wypromujemy wydarzenie w mediach i newsletterze"));
    Fixtures.createPost(
        fair.id(),
        ngo.token(),
        post("REQUEST", "ROOMS", "Sala na szkolenie", "Szukamy sali konferencyjnej"));
    as(bank.token())
        .get("/api/fairs/" + fair.id() + "/deals")
        .then()
        .statusCode(200)
        .body("swaps", hasSize(1))
        .body("plan", hasSize(1));
    as(outsider.token())
        .get("/api/fairs/" + fair.id() + "/deals")
        .then()
        .statusCode(200)
        .body("swaps", hasSize(0));
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(notary.token())
        .get("/api/fairs/" + fair.id() + "/deals")
        .then()
        .statusCode(200)
        .body("swaps", hasSize(1));
    as(Fixtures.screen(fair.id())).get("/api/fairs/" + fair.id() + "/deals").then().statusCode(403);
  }

  @Test
  void helpButtonPutsThePersonInTheBrokerQueue() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var animator = Fixtures.person(fair.id(), null, "animator");
    String path = "/api/fairs/" + fair.id() + "/help-requests";
    long id =
        ((Number)
                as(person.token())
                    .body(Map.of("note", "Szukam partnera na festyn"))
                    .post(path)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    as(person.token())
        .body(Map.of())
        .post(path)
        .then()
        .statusCode(201)
        .body("id", equalTo((int) id));
    as(person.token()).get(path).then().statusCode(403);
    as(person.token()).get(path + "/mine").then().statusCode(200).body("id", hasItem((int) id));
    as(animator.token()).get(path + "/mine").then().statusCode(403);
    as(animator.token())
        .get(path)
        .then()
        .statusCode(200)
        .body("note", hasItem("Szukam partnera na festyn"));
    as(animator.token())
        .post(path + "/" + id + "/take")
        .then()
        .statusCode(200)
        .body("status", equalTo("TAKEN"));
    as(person.token()).post(path + "/" + id + "/done").then().statusCode(403);
    as(animator.token())
        .post(path + "/" + id + "/done")
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"));
    as(animator.token()).get(path).then().body("$", hasSize(0));
  }

  @Test
  void aPersonCancelsOnlyTheirOwnHelpRequestAndItLeavesTheQueue() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var other = Fixtures.person(fair.id(), null);
    var animator = Fixtures.person(fair.id(), null, "animator");
    String path = "/api/fairs/" + fair.id() + "/help-requests";
    long id =
        ((Number)
                as(person.token())
                    .body(Map.of("note", "stoisko 12"))
                    .post(path)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    as(other.token()).post(path + "/" + id + "/cancel").then().statusCode(404);
    as(animator.token()).post(path + "/" + id + "/cancel").then().statusCode(403);
    as(animator.token()).get(path).then().body("id", hasItem((int) id));
    as(person.token())
        .post(path + "/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"));
    as(person.token()).post(path + "/" + id + "/cancel").then().statusCode(200);
    as(animator.token()).get(path).then().body("$", hasSize(0));
    as(person.token()).get(path + "/mine").then().body("$", hasSize(0));
  }
}
