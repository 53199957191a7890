package pl.gielda.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds fairs, entities and people through the public API, each test with its own data. */
public final class Fixtures {

  public static final String ORGANISER_EMAIL = "organiser@test.gielda";
  public static final String ORGANISER_PASSWORD = "test-only-organiser-password";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile String organiserToken;

  public record FairRef(long id, String joinCode) {}

  /**
   * A person: the secret of their badge's tear-off, the public code on its face, and the token
   * their phone ({@link #PHONE}) got by signing in.
   */
  public record PersonRef(
      long id, long entityId, String signInSecret, String partnerCode, String token) {}

  private Fixtures() {}

  public static String organiser() {
    if (organiserToken == null) {
      organiserToken = login(ORGANISER_EMAIL, ORGANISER_PASSWORD);
    }
    return organiserToken;
  }

  /** A test that starts its own app (another database) logs the organiser in again. */
  public static void forgetOrganiser() {
    organiserToken = null;
  }

  public static String login(String email, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  /** A second organiser account, owning nothing yet. */
  public static String anotherOrganiser() {
    String email = "other" + unique() + "@test.gielda";
    String password = "another-test-password-" + unique();
    as(organiser())
        .body(Map.of("email", email, "displayName", "Inny organizator", "password", password))
        .post("/api/organisers")
        .then()
        .statusCode(201);
    return login(email, password);
  }

  public static RequestSpecification as(String token) {
    return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
  }

  public static int unique() {
    return COUNTER.incrementAndGet();
  }

  public static FairRef fair(String phase) {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    var response =
        as(organiser())
            .body(
                Map.of(
                    "name",
                    "Giełda testowa " + unique(),
                    "venue",
                    "Tczew, ul. Testowa 1",
                    "startsAt",
                    start.toString(),
                    "endsAt",
                    start.plus(2, ChronoUnit.HOURS).toString()))
            .post("/api/fairs")
            .then()
            .statusCode(201)
            .extract();
    long id = ((Number) response.path("id")).longValue();
    List<String> order = List.of("DRAFT", "REGISTRATION", "LIVE", "CLOSED");
    for (int i = 1; i <= order.indexOf(phase); i++) {
      as(organiser())
          .body(Map.of("phase", order.get(i)))
          .post("/api/fairs/" + id + "/phase")
          .then()
          .statusCode(200);
    }
    return new FairRef(id, response.path("joinCode"));
  }

  /** Moves a LIVE fair to CLOSED. */
  public static void closeFair(long fairId) {
    as(organiser())
        .body(Map.of("phase", "CLOSED"))
        .post("/api/fairs/" + fairId + "/phase")
        .then()
        .statusCode(200);
  }

  public static long entity(long fairId, String name, String sector) {
    return ((Number)
            as(organiser())
                .body(Map.of("name", name + " " + unique(), "sector", sector, "town", "Tczew"))
                .post("/api/fairs/" + fairId + "/entities")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  /** A person with a fresh entity (or the given one) and the token their badge gives them. */
  public static PersonRef person(long fairId, Long entityId, String... roles) {
    long entity = entityId != null ? entityId : entity(fairId, "Fundacja", "NGO");
    var created =
        as(organiser())
            .body(
                Map.of(
                    "displayName",
                    "Osoba " + unique(),
                    "entityId",
                    entity,
                    "roles",
                    List.of(roles.length == 0 ? new String[] {"participant"} : roles)))
            .post("/api/fairs/" + fairId + "/people")
            .then()
            .statusCode(201)
            .extract();
    String secret = created.path("signInSecret");
    return new PersonRef(
        ((Number) created.path("id")).longValue(),
        entity,
        secret,
        created.path("partnerCode"),
        badgeLogin(secret));
  }

  /** The device key of the test's own phone: each person's secret binds to it on first use. */
  public static final String PHONE = "test-phone-key-0000000000";

  /** Signs in with a badge's secret from the test's phone. */
  public static String badgeLogin(String signInSecret) {
    return badgeLogin(signInSecret, PHONE).then().statusCode(200).extract().path("token");
  }

  /** The sign-in request from a given phone, for tests of who is refused. */
  public static io.restassured.response.Response badgeLogin(String signInSecret, String deviceKey) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("signInSecret", signInSecret, "deviceKey", deviceKey))
        .post("/api/auth/badge");
  }

  public static String screen(long fairId) {
    String screenToken =
        as(organiser())
            .post("/api/fairs/" + fairId + "/screens")
            .then()
            .statusCode(201)
            .extract()
            .path("screenToken");
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("screenToken", screenToken))
        .post("/api/auth/screen")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  public static Map<String, Object> offer(String title) {
    return Map.of(
        "kind",
        "OFFER",
        "category",
        "ROOMS",
        "title",
        title,
        "description",
        "Sala na 30 osób z rzutnikiem",
        "availability",
        "soboty");
  }

  public static long createPost(long fairId, String token, Map<String, Object> body) {
    return ((Number)
            as(token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .post("/api/fairs/" + fairId + "/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }
}
