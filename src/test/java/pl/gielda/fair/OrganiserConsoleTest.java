package pl.gielda.fair;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

/**
 * What the organiser console does beside the roster: edit or delete a fair, add a category, change
 * a person's roles, reissue a badge — each refused to the wrong role — and problems a client can
 * word in its own language.
 */
@QuarkusTest
class OrganiserConsoleTest {

  private static Map<String, Object> dated(String name, String start, String end) {
    return Map.of("name", name, "venue", "Tczew, ul. Kwiatowa 2", "startsAt", start, "endsAt", end);
  }

  @Test
  void theOrganiserRedatesAFairAndOthersAreRefused() {
    var fair = Fixtures.fair("REGISTRATION");
    var participant = Fixtures.person(fair.id(), null);
    var notary = Fixtures.person(fair.id(), null, "notary");
    Map<String, Object> body = dated("Giełda 2026", "2026-10-17T08:00:00Z", "2026-10-17T12:00:00Z");
    for (String token : List.of(participant.token(), notary.token(), Fixtures.anotherOrganiser())) {
      as(token).body(body).put("/api/fairs/" + fair.id()).then().statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/fairs/" + fair.id())
        .then()
        .statusCode(401);
    as(Fixtures.organiser())
        .body(body)
        .put("/api/fairs/" + fair.id())
        .then()
        .statusCode(200)
        .body("name", equalTo("Giełda 2026"))
        .body("startsAt", equalTo("2026-10-17T08:00:00Z"))
        .body("phase", equalTo("REGISTRATION"));
    as(Fixtures.organiser())
        .body(dated("Giełda", "2026-10-17T12:00:00Z", "2026-10-17T08:00:00Z"))
        .put("/api/fairs/" + fair.id())
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("endsAt"))
        .body("errors[0].code", equalTo("end-before-start"));
    as(Fixtures.organiser())
        .body(dated("", "2026-10-17T08:00:00Z", "2026-10-17T12:00:00Z"))
        .put("/api/fairs/" + fair.id())
        .then()
        .statusCode(400)
        .body("code", equalTo("validation"))
        .body("errors.code", hasItem("not-blank"));
  }

  @Test
  void aFairWithoutContractsCanBeDeletedAndOneWithContractsCannot() {
    var empty = Fixtures.fair("DRAFT");
    Fixtures.entity(empty.id(), "Fundacja", "NGO");
    var notary = Fixtures.person(empty.id(), null, "notary");
    as(notary.token()).delete("/api/fairs/" + empty.id()).then().statusCode(403);
    as(Fixtures.anotherOrganiser()).delete("/api/fairs/" + empty.id()).then().statusCode(403);
    as(Fixtures.organiser()).delete("/api/fairs/" + empty.id()).then().statusCode(204);
    as(Fixtures.organiser())
        .get("/api/fairs/" + empty.id())
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"))
        .body("params.kind", equalTo("fair"))
        .body("params.id", equalTo(String.valueOf(empty.id())));

    var busy = Fixtures.fair("LIVE");
    var a = Fixtures.person(busy.id(), null);
    var b = Fixtures.person(busy.id(), null);
    Map<String, Object> contract = new HashMap<>();
    contract.put("partners", List.of(Map.of("personId", b.id())));
    contract.put("items", List.of(Contracts.item(a.entityId(), b.entityId(), "Sala na próby")));
    Contracts.proposed(busy.id(), a.token(), contract);
    as(Fixtures.organiser())
        .delete("/api/fairs/" + busy.id())
        .then()
        .statusCode(409)
        .body("code", equalTo("fair-has-contracts"))
        .body("params.contracts", equalTo(1));
    as(Fixtures.organiser()).get("/api/fairs/" + busy.id()).then().statusCode(200);
  }

  @Test
  void theOrganiserAddsACategoryNamedInPolishOnly() {
    var fair = Fixtures.fair("REGISTRATION");
    var participant = Fixtures.person(fair.id(), null);
    var animator = Fixtures.person(fair.id(), null, "animator");
    Map<String, Object> body = Map.of("namePl", "Rękodzieło");
    for (String token : List.of(participant.token(), animator.token())) {
      as(token).body(body).post("/api/fairs/" + fair.id() + "/categories").then().statusCode(403);
    }
    as(Fixtures.organiser())
        .body(body)
        .post("/api/fairs/" + fair.id() + "/categories")
        .then()
        .statusCode(200)
        .body("categories.code", hasItem("REKODZIELO"))
        .body("categories.find { it.code == 'REKODZIELO' }.namePl", equalTo("Rękodzieło"))
        .body("categories.find { it.code == 'REKODZIELO' }.nameEn", equalTo("Rękodzieło"));
    as(Fixtures.organiser())
        .body(Map.of("namePl", "rękodzieło", "nameEn", "Handicraft"))
        .post("/api/fairs/" + fair.id() + "/categories")
        .then()
        .statusCode(409)
        .body("code", equalTo("category-exists"));
    // Phones see it: the participant's view of the fair lists it.
    as(participant.token())
        .get("/api/fairs/" + fair.id())
        .then()
        .body("categories.namePl", hasItem("Rękodzieło"));
  }

  @Test
  void onlyTheOrganiserChangesRolesAndTheHelpDeskMayReissueABadge() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var animator = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    String roles = "/api/fairs/" + fair.id() + "/people/" + person.id() + "/roles";
    Map<String, Object> toNotary = Map.of("roles", List.of("notary"));
    as(animator.token()).body(toNotary).put(roles).then().statusCode(403);
    as(notary.token()).body(toNotary).put(roles).then().statusCode(403);
    as(person.token()).body(toNotary).put(roles).then().statusCode(403);
    as(Fixtures.organiser())
        .body(Map.of("roles", List.of("organiser")))
        .put(roles)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("roles"))
        .body("errors[0].code", equalTo("role-unknown"));
    as(Fixtures.organiser()).body(toNotary).put(roles).then().statusCode(200);

    String badge = "/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge";
    as(notary.token()).post(badge).then().statusCode(403);
    // The person is a notary now: only the organiser reissues a notary's badge (auth/RoleRules).
    as(animator.token()).post(badge).then().statusCode(403);
    String newSecret =
        as(Fixtures.organiser()).post(badge).then().statusCode(200).extract().path("signInSecret");
    assertThat(newSecret).isNotEqualTo(person.signInSecret());
    Fixtures.badgeLogin(person.signInSecret(), "another-phone-" + Fixtures.unique())
        .then()
        .statusCode(401);
  }

  @Test
  void thePeopleListSortsPolishNamesAsADictionaryDoes() {
    var fair = Fixtures.fair("REGISTRATION");
    long entity = Fixtures.entity(fair.id(), "Fundacja", "NGO");
    for (String name : List.of("Żaneta", "Zenon", "Łucja", "Lena", "Adam", "Ćwik", "Cezary")) {
      as(Fixtures.organiser())
          .body(Map.of("displayName", name, "entityId", entity))
          .post("/api/fairs/" + fair.id() + "/people")
          .then()
          .statusCode(201);
    }
    List<String> names =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/people")
            .then()
            .extract()
            .path("displayName");
    assertThat(names).containsExactly("Adam", "Cezary", "Ćwik", "Lena", "Łucja", "Zenon", "Żaneta");
  }

  @Test
  void aMissingPostIsNamedByKindAndNumber() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .get("/api/fairs/" + fair.id() + "/matches/for/987654")
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"))
        .body("params.kind", equalTo("post"))
        .body("params.id", equalTo("987654"))
        .body("detail", equalTo("Post 987654 does not exist"));
  }
}
