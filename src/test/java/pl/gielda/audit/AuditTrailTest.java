package pl.gielda.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;

/** B: every privileged action is on the organiser's audit trail, with who did it to what. */
@QuarkusTest
class AuditTrailTest {

  private static JsonPath trail(long fairId) {
    return as(Fixtures.organiser())
        .get("/api/fairs/" + fairId + "/audit?size=100")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void theTrailRecordsEachPrivilegedAction() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var anna = Fixtures.person(fair.id(), null);
    String people = "/api/fairs/" + fair.id() + "/people/";

    as(desk.token()).post(people + anna.id() + "/badge").then().statusCode(200);
    as(desk.token()).post(people + notary.id() + "/phone/release").then().statusCode(403);
    as(Fixtures.organiser()).post(people + anna.id() + "/phone/release").then().statusCode(200);
    as(Fixtures.organiser())
        .body(Map.of("roles", List.of("participant", "notary")))
        .put(people + anna.id() + "/roles")
        .then()
        .statusCode(200);

    long post = Fixtures.createPost(fair.id(), desk.token(), withAuthor(anna.id()));
    String posts = "/api/fairs/" + fair.id() + "/posts/" + post;
    as(notary.token())
        .body(Map.of("reason", "Wulgaryzmy"))
        .post(posts + "/hide")
        .then()
        .statusCode(200);
    as(notary.token()).post(posts + "/unhide").then().statusCode(200);

    var ngo = Fixtures.person(fair.id(), null);
    var bank = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank", "BUSINESS"));
    Map<String, Object> body =
        Map.of(
            "partners",
            List.of(Contracts.partner(bank.entityId())),
            "items",
            List.of(
                Contracts.item(bank.entityId(), ngo.entityId(), "Sala na warsztaty"),
                Contracts.item(ngo.entityId(), bank.entityId(), "Płatność przelewem 500 zł")));
    long contract = Contracts.signedBy(fair.id(), body, ngo, bank);
    String why = "Kwota dotyczy tematu warsztatów, nie rozliczenia między stronami";
    as(notary.token())
        .body(Map.of("justification", why))
        .post(Contracts.path(fair.id(), contract) + "/register")
        .then()
        .statusCode(200);

    JsonPath t = trail(fair.id());
    // Newest first; the refused release left nothing behind.
    assertThat(t.getList("items.action", String.class))
        .containsExactly(
            "contract.registeredWithMoney",
            "post.unhidden",
            "post.hidden",
            "role.granted",
            "phone.released",
            "badge.reissued",
            "role.granted",
            "role.granted");
    assertThat(t.getInt("total")).isEqualTo(8);
    Map<String, Object> grant = t.getMap("items[3]");
    assertThat(grant)
        .containsEntry("actor", "O:" + organiserId())
        .containsEntry("subjectType", "person")
        .containsEntry("subjectId", (int) anna.id());
    assertThat((String) grant.get("detail")).contains("\"after\":\"participant,notary\"");
    assertThat((String) grant.get("instance")).isNotBlank();
    Map<String, Object> reissue = t.getMap("items[5]");
    assertThat(reissue)
        .containsEntry("actor", "P:" + desk.id())
        .containsEntry("actorRoles", "animator")
        .containsEntry("subjectName", t.getString("items[3].subjectName"));
    assertThat((String) t.getString("items[2].detail")).contains("Wulgaryzmy");
    assertThat(t.getString("items[0].detail")).contains(why);
    assertThat(t.getLong("items[0].subjectId")).isEqualTo(contract);
  }

  @Test
  void theOrganiserExportsTheTrailAsCsvAndPagesThroughIt() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    for (int i = 0; i < 3; i++) {
      var p = Fixtures.person(fair.id(), null);
      as(desk.token())
          .post("/api/fairs/" + fair.id() + "/people/" + p.id() + "/badge")
          .then()
          .statusCode(200);
    }
    // Three reissues, one grant (the help desk's own role, given by the organiser).
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/audit?page=1&size=3")
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("items.size()", equalTo(1))
        .body("items[0].action", equalTo("role.granted"));
    byte[] csv =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/audit/csv")
            .then()
            .statusCode(200)
            .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
            .extract()
            .asByteArray();
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFnr;czas;kto;");
    assertThat(text.lines().filter(l -> l.contains(";badge.reissued;"))).hasSize(3);
  }

  @Test
  void onlyTheFairsOrganiserReadsTheTrail() {
    var fair = Fixtures.fair("LIVE");
    var desk = Fixtures.person(fair.id(), null, "animator");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var anna = Fixtures.person(fair.id(), null);
    for (String token : List.of(desk.token(), notary.token(), anna.token())) {
      as(token).get("/api/fairs/" + fair.id() + "/audit").then().statusCode(403);
      as(token).get("/api/fairs/" + fair.id() + "/audit/csv").then().statusCode(403);
    }
    as(Fixtures.anotherOrganiser())
        .get("/api/fairs/" + fair.id() + "/audit")
        .then()
        .statusCode(403);
    io.restassured.RestAssured.get("/api/fairs/" + fair.id() + "/audit").then().statusCode(401);
  }

  private static Map<String, Object> withAuthor(long personId) {
    var body = new java.util.HashMap<>(Fixtures.offer("Sala dla Anny"));
    body.put("onBehalfOf", personId);
    return body;
  }

  private static long organiserId() {
    return ((Number) as(Fixtures.organiser()).get("/api/me").then().extract().path("id"))
        .longValue();
  }
}
