package pl.gielda.report;

import static pl.gielda.support.Fixtures.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.Fixtures.PersonRef;

/**
 * A small live fair whose figures are counted by hand: a school (public), a foundation (NGO) and a
 * bakery (business), one person each plus the school's notary, all present; five posts of which
 * three stay on the board; two registered contracts with five items and one signed contract still
 * in the queue.
 */
final class SmallFair {

  final Fixtures.FairRef fair;
  final PersonRef school;
  final PersonRef ngo;
  final PersonRef bakery;
  final PersonRef notary;
  final long first;
  final long second;
  final long queued;
  long quoted;

  SmallFair() {
    fair = Fixtures.fair("LIVE");
    long id = fair.id();
    school = Fixtures.person(id, Fixtures.entity(id, "Szkoła Podstawowa nr 2 w Gniewie", "PUBLIC"));
    ngo = Fixtures.person(id, Fixtures.entity(id, "Stowarzyszenie „Kociewskie Żurawie”", "NGO"));
    bakery = Fixtures.person(id, Fixtures.entity(id, "Piekarnia Łączyńscy", "BUSINESS"));
    notary = Fixtures.person(id, school.entityId(), "notary");

    Fixtures.createPost(id, ngo.token(), post("OFFER", "ROOMS", "Sala na spotkania"));
    Fixtures.createPost(id, ngo.token(), post("REQUEST", "CATERING", "Poczęstunek na festyn"));
    Fixtures.createPost(id, bakery.token(), post("OFFER", "ROOMS", "Zaplecze piekarni"));
    long withdrawn =
        Fixtures.createPost(id, bakery.token(), post("OFFER", "PROMOTION", "Plakaty w sklepie"));
    as(bakery.token())
        .post("/api/fairs/" + id + "/posts/" + withdrawn + "/withdraw")
        .then()
        .statusCode(200);
    long hidden = Fixtures.createPost(id, school.token(), post("OFFER", "EQUIPMENT", "Rzutnik"));
    as(notary.token())
        .body(Map.of("reason", "Zgłoszenie testowe do ukrycia"))
        .post("/api/fairs/" + id + "/posts/" + hidden + "/hide")
        .then()
        .statusCode(200);

    first =
        register(
            Map.of("partners", List.of(Map.of("personId", ngo.id()))),
            List.of(
                item(school, ngo, "ROOMS", "sala gimnastyczna na próby", 400, null),
                item(ngo, school, "VOLUNTEERS", "wolontariusze na dzień sportu", null, 10.5)),
            school,
            ngo);
    second =
        register(
            Map.of(
                "partners", List.of(Map.of("personId", ngo.id()), Map.of("personId", school.id()))),
            List.of(
                item(bakery, ngo, "CATERING", "drożdżówki na festyn", 300.5, null),
                item(ngo, bakery, "PROMOTION", "promocja piekarni w gazetce", 200, 5.0),
                item(school, bakery, "ROOMS", "sala na szkolenie załogi", 150, null)),
            bakery,
            ngo,
            school);
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("personId", bakery.id())));
    body.put("items", List.of(item(ngo, bakery, "OTHER", "pomoc przy inwentaryzacji", 999, 9.0)));
    queued = Contracts.signedBy(id, body, ngo, bakery);
  }

  SmallFair withQuotedContract() {
    quoted =
        register(
            Map.of(
                "title",
                "=Sala „Pod Lipami”; próba",
                "partners",
                List.of(Map.of("personId", bakery.id()))),
            List.of(
                item(school, bakery, "ROOMS", TRICKY_TEXT, 1234.5, 2.0),
                item(bakery, school, "CATERING", "chleb żytni, 5 bochenków", 0, null)),
            school,
            bakery);
    return this;
  }

  static final String MONEY_JUSTIFICATION =
      "Przelew dotyczy warsztatów o bankowości, nie rozliczenia między stronami";

  /**
   * A third registered contract the money checker flags ("płatność przelewem") and the notary
   * registers with a written justification.
   */
  SmallFair withMoneyContract() {
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("personId", bakery.id())));
    body.put(
        "items",
        List.of(
            item(bakery, ngo, "TRAINING", "warsztaty o przelewach dla seniorów", 100, null),
            item(ngo, bakery, "PROMOTION", "Płatność przelewem po wykonaniu.", null, null)));
    long contract = Contracts.signedBy(fair.id(), body, ngo, bakery);
    as(notary.token())
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Map.of("justification", MONEY_JUSTIFICATION))
        .post(Contracts.path(fair.id(), contract) + "/register")
        .then()
        .statusCode(200);
    return this;
  }

  /** Semicolon, quotes and a line break: what CSV quoting must survive. */
  static final String TRICKY_TEXT = "Sala „Pod Lipami”; rzutnik \"HD\"\ni nagłośnienie — źdźbło";

  private long register(
      Map<String, Object> partners, List<Map<String, Object>> items, PersonRef... people) {
    Map<String, Object> body = new HashMap<>(partners);
    body.put("items", items);
    long contract = Contracts.signedBy(fair.id(), body, people);
    Contracts.register(fair.id(), contract, notary.token()).statusCode(200);
    return contract;
  }

  static Map<String, Object> item(
      PersonRef from, PersonRef to, String category, String what, Number pln, Double hours) {
    Map<String, Object> item = new HashMap<>();
    item.put("fromEntityId", from.entityId());
    item.put("toEntityId", to.entityId());
    item.put("category", category);
    item.put("description", what);
    item.put("valuePln", pln);
    item.put("hours", hours);
    return item;
  }

  static Map<String, Object> post(String kind, String category, String title) {
    return Map.of(
        "kind", kind, "category", category, "title", title, "description", title + " — opis");
  }

  String tallies(String token, String query) {
    return as(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .get("/api/fairs/" + fair.id() + "/tallies" + query)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }
}
