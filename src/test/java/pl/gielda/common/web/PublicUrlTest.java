package pl.gielda.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.common.error.ApiException;
import pl.gielda.support.Fixtures;

/**
 * Without PUBLIC_URL the links lead to localhost: the console is told (with this machine's hall
 * addresses), badges are not printed unconfirmed, and a chosen address goes on badges and the join
 * QR at once.
 */
@QuarkusTest
class PublicUrlTest {

  @Test
  void withoutPublicUrlTheConsoleIsWarnedAndOfferedHallAddresses() {
    as(Fixtures.organiser())
        .get("/api/settings/public-url")
        .then()
        .statusCode(200)
        .body("source", equalTo("DEFAULT"))
        .body("pointsAtLocalhost", equalTo(true))
        .body("url", startsWith("http://localhost:"))
        .body("candidates", everyItem(startsWith("http://")))
        .body("candidates", everyItem(not(containsString("127.0.0.1"))))
        .body("candidates", everyItem(not(containsString("localhost"))));
  }

  @Test
  void badgesAreNotPrintedUnconfirmedWhileLinksPointAtLocalhost() {
    var fair = Fixtures.fair("DRAFT");
    Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/badges.pdf")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", endsWith("links-point-at-localhost"));
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/badges.pdf?allowLocalhost=true")
        .then()
        .statusCode(200);
  }

  @Test
  void aChosenHallAddressGoesOnBadgesAndTheJoinLink() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    String organiser = Fixtures.organiser();
    try {
      as(organiser)
          .body(Map.of("url", "http://192.168.7.20:8080/"))
          .put("/api/settings/public-url")
          .then()
          .statusCode(200)
          .body("url", equalTo("http://192.168.7.20:8080"))
          .body("source", equalTo("CHOSEN"))
          .body("pointsAtLocalhost", equalTo(false));
      as(organiser)
          .get("/api/fairs/" + fair.id())
          .then()
          .body("joinUrl", startsWith("http://192.168.7.20:8080/join/"));
      as(organiser)
          .post("/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge")
          .then()
          .body("signInUrl", startsWith("http://192.168.7.20:8080/b#"));
      as(organiser).get("/api/fairs/" + fair.id() + "/badges.pdf").then().statusCode(200);
    } finally {
      as(organiser)
          .delete("/api/settings/public-url")
          .then()
          .statusCode(200)
          .body("pointsAtLocalhost", equalTo(true));
    }
  }

  @Test
  void onlyOrganisersChooseTheAddressAndOnlyAWebAddress() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .body(Map.of("url", "http://evil.example"))
        .put("/api/settings/public-url")
        .then()
        .statusCode(403);
    as(person.token()).get("/api/settings/public-url").then().statusCode(403);
    for (String bad : List.of("javascript:alert(1)", "ftp://x", "http://x/?q=1", "not a url")) {
      as(Fixtures.organiser())
          .body(Map.of("url", bad))
          .put("/api/settings/public-url")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("url"));
    }
  }

  @Test
  void localAddressesAndBridgesAreKnown() {
    assertThat(PublicUrl.isLocal("http://localhost:8080")).isTrue();
    assertThat(PublicUrl.isLocal("http://127.0.0.1:8080")).isTrue();
    assertThat(PublicUrl.isLocal("http://[::1]:8080")).isTrue();
    assertThat(PublicUrl.isLocal("http://192.168.1.20:8080")).isFalse();
    assertThat(PublicUrl.isLocal("https://gielda.example.org")).isFalse();
    assertThat(HallAddress.isBridge("docker0")).isTrue();
    assertThat(HallAddress.isBridge("wlp2s0")).isFalse();
    assertThatThrownBy(() -> PublicUrl.validate("http://user@host/"))
        .isInstanceOf(ApiException.class);
  }
}
