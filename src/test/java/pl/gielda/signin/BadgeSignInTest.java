package pl.gielda.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

/** A0: the badge's face identifies, its tear-off signs in, on one phone. */
@QuarkusTest
class BadgeSignInTest {

  private static final String SECOND_PHONE = "second-phone-key-111111111";

  @Inject Pool pool;

  @Test
  void thePartnerCodeSignsNobodyIn() {
    var fair = Fixtures.fair("LIVE");
    var anna = Fixtures.person(fair.id(), null);
    assertThat(anna.partnerCode()).matches("[A-Z2-9]{6}");
    Fixtures.badgeLogin(anna.partnerCode(), SECOND_PHONE).then().statusCode(401);
    Fixtures.badgeLogin("http://localhost/p/" + anna.partnerCode(), SECOND_PHONE)
        .then()
        .statusCode(401);
    // …but it names Anna for her partner's contract.
    var bartek = Fixtures.person(fair.id(), null);
    as(bartek.token())
        .body(Map.of("partnerCode", anna.partnerCode().toLowerCase()))
        .post(Contracts.path(fair.id()) + "/partner-lookup")
        .then()
        .statusCode(200)
        .body("personId", equalTo((int) anna.id()));
  }

  @Test
  void theSignInLinkCarriesItsSecretInTheFragmentOnly() {
    var fair = Fixtures.fair("LIVE");
    var anna = Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .post("/api/fairs/" + fair.id() + "/people/" + anna.id() + "/badge")
        .then()
        .statusCode(200)
        .body("signInUrl", matchesPattern("^https?://[^#]+/b#[A-Za-z0-9_-]{32}$"))
        .body("partnerCode", equalTo(anna.partnerCode()));
  }

  @Test
  void aSecretOnASecondPhoneIsRefusedUntilTheHelpDeskReleasesIt() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var anna = Fixtures.person(fair.id(), null);

    Fixtures.badgeLogin(anna.signInSecret(), SECOND_PHONE)
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:gielda:problem:phone-bound"))
        .body("detail", containsString("help desk"));
    // The first phone keeps signing in.
    Fixtures.badgeLogin(anna.signInSecret(), Fixtures.PHONE).then().statusCode(200);

    as(desk.token())
        .post("/api/fairs/" + fair.id() + "/people/" + anna.id() + "/phone/release")
        .then()
        .statusCode(200)
        .body("phoneBound", equalTo(false))
        .body("signInSecret", org.hamcrest.Matchers.nullValue());

    // The released phone's token stops at once; the next phone binds, the old one is refused.
    as(anna.token()).get("/api/fairs/" + fair.id()).then().statusCode(401);
    String second =
        Fixtures.badgeLogin(anna.signInSecret(), SECOND_PHONE)
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    as(second).get("/api/me").then().statusCode(200).body("id", equalTo((int) anna.id()));
    Fixtures.badgeLogin(anna.signInSecret(), Fixtures.PHONE)
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:gielda:problem:phone-bound"));
  }

  @Test
  void aReissuedBadgeUnbindsThePhoneAndRetiresTheOldSecret() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var anna = Fixtures.person(fair.id(), null);
    String fresh =
        as(desk.token())
            .post("/api/fairs/" + fair.id() + "/people/" + anna.id() + "/badge")
            .then()
            .statusCode(200)
            .extract()
            .path("signInSecret");
    Fixtures.badgeLogin(anna.signInSecret(), Fixtures.PHONE).then().statusCode(401);
    Fixtures.badgeLogin(fresh, SECOND_PHONE).then().statusCode(200);
  }

  @Test
  void aPhoneSignedInBeforeBindingClaimsItsBadge() {
    var fair = Fixtures.fair("LIVE");
    var anna = Fixtures.person(fair.id(), null);
    unbind(anna.id());
    as(anna.token())
        .body(Map.of("deviceKey", SECOND_PHONE))
        .post("/api/auth/phone")
        .then()
        .statusCode(200)
        .body("bound", equalTo(true));
    Fixtures.badgeLogin(anna.signInSecret(), Fixtures.PHONE).then().statusCode(403);
    as(anna.token())
        .body(Map.of("deviceKey", Fixtures.PHONE))
        .post("/api/auth/phone")
        .then()
        .statusCode(403);
    as(Fixtures.organiser())
        .body(Map.of("deviceKey", Fixtures.PHONE))
        .post("/api/auth/phone")
        .then()
        .statusCode(403);
  }

  @Test
  void anOldPrintedBadgeStillNamesItsOwnerForPartnersUntilReissued() {
    var fair = Fixtures.fair("LIVE");
    var anna = Fixtures.person(fair.id(), null);
    var bartek = Fixtures.person(fair.id(), null);
    var lookup =
        (java.util.function.Supplier<io.restassured.response.ValidatableResponse>)
            () ->
                as(bartek.token())
                    .body(Map.of("partnerCode", anna.signInSecret()))
                    .post(Contracts.path(fair.id()) + "/partner-lookup")
                    .then();
    // A badge printed now shows only its partner code: its secret is no partner code.
    lookup.get().statusCode(404);
    pool.preparedQuery("update person set legacy_badge = true where id = $1")
        .execute(Tuple.of(anna.id()))
        .await()
        .indefinitely();
    lookup.get().statusCode(200).body("personId", equalTo((int) anna.id()));
  }

  private void unbind(long personId) {
    // As a phone signed in before this version: nothing bound yet.
    pool.preparedQuery("update person set device_key_hash = null where id = $1")
        .execute(Tuple.of(personId))
        .await()
        .indefinitely();
  }
}
