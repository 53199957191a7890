package pl.gielda.auth;

import static org.hamcrest.Matchers.equalTo;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/** The role table through the API: who may reissue, release and grant for whom. */
@QuarkusTest
class RoleRulesEnforcedTest {

  private static String badge(long fairId, long personId) {
    return "/api/fairs/" + fairId + "/people/" + personId + "/badge";
  }

  private static String release(long fairId, long personId) {
    return "/api/fairs/" + fairId + "/people/" + personId + "/phone/release";
  }

  @Test
  void theHelpDeskCannotReissueTheNotarysBadge() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(desk.token())
        .post(badge(fair.id(), notary.id()))
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:gielda:problem:forbidden"));
    // The notary is not locked out.
    as(notary.token()).get("/api/fairs/" + fair.id()).then().statusCode(200);
    Fixtures.badgeLogin(notary.signInSecret(), Fixtures.PHONE).then().statusCode(200);
  }

  @Test
  void theHelpDeskCannotTouchAnotherHelperOrItself() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var other = Fixtures.person(fair.id(), null, "animator");
    as(desk.token()).post(badge(fair.id(), other.id())).then().statusCode(403);
    as(desk.token()).post(badge(fair.id(), desk.id())).then().statusCode(403);
    as(desk.token()).post(release(fair.id(), other.id())).then().statusCode(403);
  }

  @Test
  void theHelpDeskCannotReleaseTheNotarysPhoneButTheOrganiserCan() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(desk.token()).post(release(fair.id(), notary.id())).then().statusCode(403);
    as(Fixtures.organiser()).post(release(fair.id(), notary.id())).then().statusCode(200);
    as(Fixtures.organiser()).post(badge(fair.id(), notary.id())).then().statusCode(200);
  }

  @Test
  void theHelpDeskReissuesAndReleasesParticipants() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var anna = Fixtures.person(fair.id(), null);
    as(desk.token()).post(release(fair.id(), anna.id())).then().statusCode(200);
    as(desk.token()).post(badge(fair.id(), anna.id())).then().statusCode(200);
  }

  @Test
  void nobodyButTheOrganiserGrantsRoles() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var anna = Fixtures.person(fair.id(), null);
    for (var who : List.of(desk, notary, anna)) {
      as(who.token())
          .body(Map.of("roles", List.of("notary")))
          .put("/api/fairs/" + fair.id() + "/people/" + anna.id() + "/roles")
          .then()
          .statusCode(403);
    }
    as(desk.token())
        .body(Map.of("displayName", "Ktoś", "roles", List.of("animator")))
        .post("/api/fairs/" + fair.id() + "/people")
        .then()
        .statusCode(403);
    as(Fixtures.organiser())
        .body(Map.of("roles", List.of("participant", "animator")))
        .put("/api/fairs/" + fair.id() + "/people/" + anna.id() + "/roles")
        .then()
        .statusCode(200);
  }

  @Test
  void participantsAndTheNotaryReissueNothing() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var anna = Fixtures.person(fair.id(), null);
    var bartek = Fixtures.person(fair.id(), null);
    as(notary.token()).post(badge(fair.id(), anna.id())).then().statusCode(403);
    as(bartek.token()).post(badge(fair.id(), anna.id())).then().statusCode(403);
    as(bartek.token()).post(release(fair.id(), anna.id())).then().statusCode(403);
  }
}
