package pl.gielda.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class PostTest {

  private static String posts(long fairId) {
    return "/api/fairs/" + fairId + "/posts";
  }

  @Test
  void participantPostsAnOfferForTheirEntity() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .body(Fixtures.offer("Sala konferencyjna"))
        .post(posts(fair.id()))
        .then()
        .statusCode(201)
        .body("entityId", equalTo((int) person.entityId()))
        .body("kind", equalTo("OFFER"))
        .body("version", equalTo(0));
  }

  @Test
  void retryWithTheSameKeyReturnsTheFirstResponseAndCreatesOnePost() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Object first =
        as(person.token())
            .header("Idempotency-Key", "retry-1")
            .body(Fixtures.offer("Rzutnik"))
            .post(posts(fair.id()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Object second =
        as(person.token())
            .header("Idempotency-Key", "retry-1")
            .body(Fixtures.offer("Rzutnik"))
            .post(posts(fair.id()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(second).isEqualTo(first);
    List<Object> titles = as(person.token()).get(posts(fair.id())).then().extract().path("title");
    assertThat(titles).filteredOn("Rzutnik"::equals).hasSize(1);
  }

  @Test
  void concurrentRetriesWithOneKeyHaveOneEffect() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    List<CompletableFuture<Object>> calls =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            (Object)
                                as(person.token())
                                    .header("Idempotency-Key", "burst")
                                    .body(Fixtures.offer("Namiot"))
                                    .post(posts(fair.id()))
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .path("id")))
            .toList();
    assertThat(calls.stream().map(CompletableFuture::join).distinct()).hasSize(1);
    List<Object> titles = as(person.token()).get(posts(fair.id())).then().extract().path("title");
    assertThat(titles).filteredOn("Namiot"::equals).hasSize(1);
  }

  @Test
  void sameKeyWithADifferentBodyIsRefused() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .header("Idempotency-Key", "reused")
        .body(Fixtures.offer("Sala A"))
        .post(posts(fair.id()))
        .then()
        .statusCode(201);
    as(person.token())
        .header("Idempotency-Key", "reused")
        .body(Fixtures.offer("Sala B"))
        .post(posts(fair.id()))
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:gielda:problem:idempotency-key-reused"));
  }

  @Test
  void editNeedsTheCurrentVersion() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    long id = Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala"));
    Map<String, Object> edit =
        new HashMap<>(Map.of("category", "ROOMS", "title", "Sala duża", "version", 0));
    as(person.token())
        .body(edit)
        .put(posts(fair.id()) + "/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("title", equalTo("Sala duża"));
    as(person.token())
        .body(edit)
        .put(posts(fair.id()) + "/" + id)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:stale-version"));
  }

  @Test
  void colleagueFromTheSameEntityMayWithdrawButOthersMayNot() {
    var fair = Fixtures.fair("LIVE");
    var author = Fixtures.person(fair.id(), null);
    var colleague = Fixtures.person(fair.id(), author.entityId());
    var stranger = Fixtures.person(fair.id(), null);
    long id = Fixtures.createPost(fair.id(), author.token(), Fixtures.offer("Sala"));
    as(stranger.token()).post(posts(fair.id()) + "/" + id + "/withdraw").then().statusCode(403);
    as(colleague.token())
        .post(posts(fair.id()) + "/" + id + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    as(author.token()).get(posts(fair.id())).then().body("id", not(hasItem((int) id)));
  }

  @Test
  void notaryHidesAndUnhidesAPost() {
    var fair = Fixtures.fair("LIVE");
    var author = Fixtures.person(fair.id(), null);
    var notary = Fixtures.person(fair.id(), null, "notary");
    long id = Fixtures.createPost(fair.id(), author.token(), Fixtures.offer("Obraźliwy tekst"));
    as(author.token())
        .body(Map.of("reason", "nie"))
        .post(posts(fair.id()) + "/" + id + "/hide")
        .then()
        .statusCode(403);
    as(notary.token())
        .body(Map.of("reason", "Wulgaryzmy"))
        .post(posts(fair.id()) + "/" + id + "/hide")
        .then()
        .statusCode(200)
        .body("hidden", equalTo(true));
    as(author.token()).get(posts(fair.id())).then().body("id", not(hasItem((int) id)));
    as(notary.token()).get(posts(fair.id())).then().body("id", hasItem((int) id));
    as(notary.token())
        .post(posts(fair.id()) + "/" + id + "/unhide")
        .then()
        .statusCode(200)
        .body("hidden", equalTo(false));
    as(author.token()).get(posts(fair.id())).then().body("id", hasItem((int) id));
  }

  @Test
  void aHiddenPostTellsOnlyItsAuthorWhyItWasHidden() {
    var fair = Fixtures.fair("LIVE");
    var author = Fixtures.person(fair.id(), null);
    var stranger = Fixtures.person(fair.id(), null);
    var notary = Fixtures.person(fair.id(), null, "notary");
    long id = Fixtures.createPost(fair.id(), author.token(), Fixtures.offer("Tani alkohol"));
    as(stranger.token()).get(posts(fair.id()) + "/" + id).then().statusCode(200);
    as(notary.token())
        .body(Map.of("reason", "Sprzedaż alkoholu"))
        .post(posts(fair.id()) + "/" + id + "/hide")
        .then()
        .statusCode(200);
    as(author.token())
        .get(posts(fair.id()) + "/" + id)
        .then()
        .statusCode(200)
        .body("hidden", equalTo(true))
        .body("hiddenReason", equalTo("Sprzedaż alkoholu"));
    as(stranger.token()).get(posts(fair.id()) + "/" + id).then().statusCode(404);
    as(notary.token()).get(posts(fair.id()) + "/" + id).then().statusCode(200);
    as(Fixtures.screen(fair.id())).get(posts(fair.id()) + "/" + id).then().statusCode(403);
  }

  @Test
  void animatorPostsOnBehalfOfAPersonWithoutAPhone() {
    var fair = Fixtures.fair("LIVE");
    var animator = Fixtures.person(fair.id(), null, "animator");
    var resident = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Fixtures.offer("Porady prawne"));
    body.put("onBehalfOf", resident.id());
    as(animator.token())
        .body(body)
        .post(posts(fair.id()))
        .then()
        .statusCode(201)
        .body("authorId", equalTo((int) resident.id()))
        .body("entityId", equalTo((int) resident.entityId()))
        .body("onBehalfBy", equalTo((int) animator.id()));
  }

  @Test
  void participantCannotPostOnBehalfOfSomeoneElse() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var other = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Fixtures.offer("Cudze"));
    body.put("onBehalfOf", other.id());
    as(person.token()).body(body).post(posts(fair.id())).then().statusCode(403);
  }

  @Test
  void notaryAndOrganiserDoNotPostOffers() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(notary.token()).body(Fixtures.offer("Sala")).post(posts(fair.id())).then().statusCode(403);
    as(Fixtures.organiser())
        .body(Fixtures.offer("Sala"))
        .post(posts(fair.id()))
        .then()
        .statusCode(403);
  }

  @Test
  void postingIsClosedOutsideRegistrationAndLive() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .body(Map.of("phase", "CLOSED"))
        .post("/api/fairs/" + fair.id() + "/phase")
        .then()
        .statusCode(200);
    as(person.token())
        .body(Fixtures.offer("Za późno"))
        .post(posts(fair.id()))
        .then()
        .statusCode(409);
  }

  @Test
  void unknownCategoryAndTooLongTextAreFieldErrors() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Map<String, Object> body = new HashMap<>(Fixtures.offer("Sala"));
    body.put("category", "SPACESHIPS");
    as(person.token())
        .body(body)
        .post(posts(fair.id()))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("category"));
    body.put("category", "ROOMS");
    body.put("description", "x".repeat(2001));
    as(person.token())
        .body(body)
        .post(posts(fair.id()))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("description"));
  }

  @Test
  void aRevokedBadgeCannotPost() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .post("/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge")
        .then()
        .statusCode(200);

    as(person.token())
        .body(Fixtures.offer("Sala"))
        .post(posts(fair.id()))
        .then()
        .statusCode(401)
        .body("detail", org.hamcrest.Matchers.containsString("revoked"));
  }

  @Test
  void whenThePosterIsAnsweredThePostsEventAlreadyHasItsNumber() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (var db = pl.gielda.support.TestDatabase.connect()) {
      for (int i = 0; i < 5; i++) {
        int id =
            as(person.token())
                .body(Fixtures.offer("Sala " + i))
                .post(posts(fair.id()))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try (var s =
            db.prepareStatement(
                "select count(*) from fair_event where fair_id = ? and type = 'post.created'"
                    + " and (payload->'post'->>'id')::bigint = ?")) {
          s.setLong(1, fair.id());
          s.setLong(2, id);
          try (var rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).as("post %d numbered before the answer", id).isEqualTo(1);
          }
        }
      }
    }
  }

  @Test
  void refusedPostsGiveTheirKeyBackAndLeaveNoPostAndNoOpenTransactionBehind() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Map<String, Object> wrong = new HashMap<>(Fixtures.offer("Sala"));
    wrong.put("category", "SPACESHIPS");
    // More refusals than the pool has connections: each must go back rolled back.
    for (int i = 0; i < 45; i++) {
      as(person.token())
          .header("Idempotency-Key", "refused-then-right")
          .body(wrong)
          .post(posts(fair.id()))
          .then()
          .statusCode(400);
    }

    as(person.token())
        .header("Idempotency-Key", "refused-then-right")
        .body(Fixtures.offer("Sala"))
        .post(posts(fair.id()))
        .then()
        .statusCode(201);
    List<Object> titles = as(person.token()).get(posts(fair.id())).then().extract().path("title");
    assertThat(titles).containsExactly("Sala");
  }
}
