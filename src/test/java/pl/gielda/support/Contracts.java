package pl.gielda.support;

import static pl.gielda.support.Fixtures.as;

import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contract requests for tests: proposing, signing and registering through the API. */
public final class Contracts {

  private Contracts() {}

  public static String path(long fairId) {
    return "/api/fairs/" + fairId + "/contracts";
  }

  public static String path(long fairId, long contractId) {
    return path(fairId) + "/" + contractId;
  }

  /** Who gives what to whom, by entity id. */
  public static Map<String, Object> item(long from, long to, String description) {
    Map<String, Object> item = new HashMap<>();
    item.put("fromEntityId", from);
    item.put("toEntityId", to);
    item.put("category", "ROOMS");
    item.put("description", description);
    item.put("quantity", "1 sala, 4 godziny");
    item.put("when", "maj 2026");
    item.put("valuePln", 400);
    return item;
  }

  public static Map<String, Object> partner(long entityId) {
    return Map.of("entityId", entityId);
  }

  /** A swap between the proposer's entity and one partner: a room for promotion. */
  public static Map<String, Object> swap(Fixtures.PersonRef proposer, Fixtures.PersonRef partner) {
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("personId", partner.id())));
    body.put(
        "items",
        List.of(
            item(proposer.entityId(), partner.entityId(), "sala na warsztaty"),
            item(partner.entityId(), proposer.entityId(), "promocja w mediach społecznościowych")));
    return body;
  }

  public static ValidatableResponse propose(long fairId, String token, Map<String, Object> body) {
    return as(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post(path(fairId))
        .then();
  }

  public static long proposed(long fairId, String token, Map<String, Object> body) {
    return ((Number) propose(fairId, token, body).statusCode(201).extract().path("id")).longValue();
  }

  public static Map<String, Object> get(long fairId, long contractId, String token) {
    return as(token)
        .get(path(fairId, contractId))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("$");
  }

  public static int version(long fairId, long contractId, String token) {
    return (Integer) get(fairId, contractId, token).get("version");
  }

  public static ValidatableResponse sign(
      long fairId, long contractId, String token, int version, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("version", version);
    return as(token)
        .header("Idempotency-Key", key)
        .body(body)
        .post(path(fairId, contractId) + "/sign")
        .then();
  }

  public static ValidatableResponse sign(long fairId, long contractId, String token) {
    int version = version(fairId, contractId, token);
    return sign(fairId, contractId, token, version, UUID.randomUUID().toString());
  }

  public static ValidatableResponse register(long fairId, long contractId, String token) {
    return as(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .post(path(fairId, contractId) + "/register")
        .then();
  }

  /** Proposed by the first person, signed by everyone; returns the contract id. */
  public static long signedBy(long fairId, Map<String, Object> body, Fixtures.PersonRef... people) {
    long id = proposed(fairId, people[0].token(), body);
    for (Fixtures.PersonRef p : people) {
      sign(fairId, id, p.token()).statusCode(200);
    }
    return id;
  }

  /** A fresh two-party contract, signed by both, not yet registered. */
  public static long signedSwap(long fairId) {
    var a = Fixtures.person(fairId, null);
    var b = Fixtures.person(fairId, Fixtures.entity(fairId, "Bank", "BUSINESS"));
    return signedBy(fairId, swap(a, b), a, b);
  }

  public static List<Object> list(Object... values) {
    return new ArrayList<>(List.of(values));
  }
}
