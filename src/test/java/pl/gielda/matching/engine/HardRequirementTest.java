package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a request cannot do without: an offer contradicting it is shown, never as a good match. */
class HardRequirementTest {

  private MatchingEngine engine;

  @BeforeEach
  void setUp() {
    engine = new MatchingEngine();
  }

  private static MatchPost post(
      String id,
      String entity,
      MatchPost.Kind kind,
      String category,
      String title,
      String description,
      String quantity,
      String when,
      String town) {
    return new MatchPost(id, entity, kind, category, title, description, quantity, when, town);
  }

  private Suggestion suggestion(String requestId, String offerId) {
    return engine.suggestionsFor(requestId, 10).stream()
        .filter(s -> s.postId().equals(offerId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(offerId + " is not suggested for " + requestId));
  }

  @Test
  void aRoomUpstairsWithoutALiftIsNoGoodMatchForWheelchairUsers() {
    engine.upsert(
        post(
            "stairs",
            "a",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na spotkania",
            "Sala na piętrze, bez windy, stoły i krzesła.",
            "do 30 osób",
            null,
            "Tczew"));
    engine.upsert(
        post(
            "lift",
            "c",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na spotkania",
            "Sala na parterze, stoły i krzesła.",
            "do 30 osób",
            null,
            "Tczew"));
    engine.upsert(
        post(
            "r",
            "b",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Sala na spotkania",
            "Szukamy sali na spotkania, część uczestników porusza się na wózkach.",
            "20 osób",
            null,
            "Tczew"));

    Suggestion stairs = suggestion("r", "stairs");
    assertThat(stairs.good()).isFalse();
    assertThat(stairs.reasons()).anyMatch(r -> r.startsWith("konflikt: brak dostępu"));
    assertThat(suggestion("r", "lift").good()).isTrue();
    assertThat(engine.suggestionsFor("r", 10).get(0).postId()).isEqualTo("lift");
  }

  @Test
  void anOfferAvailableOnlyInSummerIsNoGoodMatchForAnOctoberRequest() {
    engine.upsert(
        post(
            "summer",
            "a",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na warsztaty",
            "Udostępnimy salę na warsztaty.",
            null,
            "tylko w wakacje",
            "Tczew"));
    engine.upsert(
        post(
            "r",
            "b",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Sala na warsztaty",
            "Szukamy sali na warsztaty.",
            null,
            "15 października",
            "Tczew"));

    Suggestion s = suggestion("r", "summer");
    assertThat(s.good()).isFalse();
    assertThat(s.reasons())
        .contains("konflikt terminu: tylko w wakacje — a prośba: 15 października");
  }

  @Test
  void aRoomTooSmallForTheGroupIsNoGoodMatch() {
    engine.upsert(
        post(
            "small",
            "a",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na warsztaty",
            "Udostępnimy salę na warsztaty.",
            "max 15 osób",
            null,
            "Tczew"));
    engine.upsert(
        post(
            "r",
            "b",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Sala na warsztaty",
            "Szukamy sali na warsztaty.",
            "40 osób",
            null,
            "Tczew"));

    Suggestion s = suggestion("r", "small");
    assertThat(s.good()).isFalse();
    assertThat(s.reasons()).contains("konflikt: za mało miejsc: 15 — a potrzeba 40");
  }

  @Test
  void aDriverWithoutTheNeededLicenceIsNoGoodMatch() {
    engine.upsert(
        post(
            "b-licence",
            "a",
            MatchPost.Kind.OFFER,
            "TRANSPORT",
            "Bus z kierowcą",
            "Bus z kierowcą, prawo jazdy kat. B, przewieziemy grupę.",
            null,
            null,
            "Tczew"));
    engine.upsert(
        post(
            "r",
            "b",
            MatchPost.Kind.REQUEST,
            "TRANSPORT",
            "Bus z kierowcą na wycieczkę",
            "Potrzebny bus z kierowcą z prawem jazdy kat. D, przewóz grupy.",
            null,
            null,
            "Tczew"));

    Suggestion s = suggestion("r", "b-licence");
    assertThat(s.good()).isFalse();
    assertThat(s.reasons()).contains("konflikt: prawo jazdy kat. B — a potrzeba kat. D");
  }

  @Test
  void aRequestSayingALicenceIsNotNeededNeedsNone() {
    Requirements r =
        Requirements.ofRequest("Trener dzieci. Nie musi mieć licencji, wystarczy że lubi dzieci.");
    assertThat(r.needs() & Requirements.LICENCE).isZero();
  }

  @Test
  void helpFromAnotherTownIsNoGoodMatchWhenTheRequestCannotTravel() {
    engine.upsert(
        post(
            "far",
            "a",
            MatchPost.Kind.OFFER,
            "WORKSHOPS",
            "Warsztaty haftu",
            "Poprowadzimy warsztaty haftu kociewskiego.",
            null,
            null,
            "Gdańsk"));
    engine.upsert(
        post(
            "r",
            "b",
            MatchPost.Kind.REQUEST,
            "WORKSHOPS",
            "Warsztaty haftu dla seniorek",
            "Chcemy warsztatów haftu. Nie mamy jak dojechać, musi być u nas.",
            null,
            null,
            "Pelplin"));

    Suggestion s = suggestion("r", "far");
    assertThat(s.good()).isFalse();
    assertThat(s.reasons()).anyMatch(r -> r.contains("bez możliwości dojazdu"));
  }

  @Test
  void swapsAndCyclesAreListedOnlyWhenEveryLegIsNearGood() {
    engine.upsert(
        post(
            "a-o",
            "A",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na spotkania",
            "Udostępnimy salę.",
            null,
            "lipiec",
            "Tczew"));
    engine.upsert(
        post(
            "a-r",
            "A",
            MatchPost.Kind.REQUEST,
            "IT_SERVICES",
            "Laptop do naprawy",
            "Trzeba przeinstalować system w laptopie.",
            null,
            null,
            "Tczew"));
    engine.upsert(
        post(
            "b-o",
            "B",
            MatchPost.Kind.OFFER,
            "IT_SERVICES",
            "Naprawa komputerów",
            "Naprawimy laptopa, zainstalujemy system.",
            null,
            null,
            "Tczew"));
    // B's room request is for December, A's room is free only in July: a hard conflict.
    engine.upsert(
        post(
            "b-r",
            "B",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Szukamy sali",
            "Potrzebna sala na spotkanie.",
            null,
            "grudzień",
            "Tczew"));

    List<Swap> weak = engine.swaps(MatchingEngine.DEAL_EDGE_THRESHOLD);
    assertThat(weak).hasSize(1);
    assertThat(engine.swaps()).isEmpty();

    engine.upsert(
        post(
            "b-r",
            "B",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Szukamy sali",
            "Potrzebna sala na spotkanie.",
            null,
            "lipiec",
            "Tczew"));
    List<Swap> strong = engine.swaps();
    assertThat(strong).hasSize(1);
    assertThat(strong.get(0).strength()).isGreaterThanOrEqualTo(MatchingEngine.DEAL_LEG_THRESHOLD);
  }
}
