package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

  private MatchingEngine engine;

  @BeforeEach
  void setUp() {
    engine = new MatchingEngine();
  }

  private static MatchPost offer(
      String id,
      String entity,
      String category,
      String title,
      String description,
      String when,
      String town) {
    return new MatchPost(
        id, entity, MatchPost.Kind.OFFER, category, title, description, null, when, town);
  }

  private static MatchPost request(
      String id,
      String entity,
      String category,
      String title,
      String description,
      String when,
      String town) {
    return new MatchPost(
        id, entity, MatchPost.Kind.REQUEST, category, title, description, null, when, town);
  }

  private Suggestion top(String postId) {
    List<Suggestion> s = engine.suggestionsFor(postId, 5);
    assertThat(s).isNotEmpty();
    return s.get(0);
  }

  private void addNoise() {
    engine.upsert(
        offer(
            "n1",
            "x1",
            "CATERING",
            "Ciasta domowe na festyny",
            "Panie z koła upieką sernik i szarlotkę.",
            null,
            "Tczew"));
    engine.upsert(
        offer(
            "n2",
            "x2",
            "TRANSPORT",
            "Bus z kierowcą",
            "Przewieziemy grupę do 20 osób w dni robocze.",
            "pon–pt",
            "Tczew"));
    engine.upsert(
        offer(
            "n3",
            "x3",
            "ADVICE",
            "Porady prawne dla NGO",
            "Statut, KRS, RODO, umowy.",
            null,
            "Tczew"));
  }

  @Test
  void inflectedRoomRequestFindsRoomOffer() {
    addNoise();
    engine.upsert(
        offer(
            "o1",
            "a",
            "ROOMS",
            "Udostępnimy salę",
            "Mamy salę na spotkania do 30 osób.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "ROOMS",
            "Szukamy sali",
            "Potrzebujemy salki na zebranie stowarzyszenia.",
            null,
            "Tczew"));

    Suggestion best = top("r1");
    assertThat(best.postId()).isEqualTo("o1");
    assertThat(best.good()).isTrue();
    assertThat(best.reasons()).contains("sala", "ta sama kategoria", "Tczew");
  }

  @Test
  void projectorRequestMatchesRzutnikOffer() {
    addNoise();
    engine.upsert(
        offer(
            "o1",
            "a",
            "EQUIPMENT",
            "Rzutnik do pożyczenia",
            "Pożyczymy rzutnik multimedialny.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "EQUIPMENT",
            "Potrzebny projektor",
            "Na spotkanie autorskie szukamy projektora.",
            null,
            "Tczew"));

    Suggestion best = top("r1");
    assertThat(best.postId()).isEqualTo("o1");
    assertThat(best.good()).isTrue();
    assertThat(best.reasons()).anyMatch(r -> r.contains("projektor ≈ rzutnik"));
  }

  @Test
  void textTypedWithoutDiacriticsStillMatches() {
    addNoise();
    engine.upsert(
        offer(
            "o1",
            "a",
            "TRAINING",
            "Zajęcia z obsługi komputera dla seniorów",
            "Poczta, internet, rozmowy wideo.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "WORKSHOPS",
            "warsztaty komputerowe dla seniorow",
            "chcemy sie nauczyc obslugi komputera i poczty",
            null,
            "Tczew"));

    assertThat(top("r1").postId()).isEqualTo("o1");
  }

  @Test
  void soundSystemRequestMatchesSpeakersAndMicrophoneOffer() {
    addNoise();
    engine.upsert(
        offer(
            "o1",
            "a",
            "EQUIPMENT",
            "Głośniki i mikrofony",
            "Pożyczymy 2 kolumny i mikrofon bezprzewodowy.",
            null,
            "Gniew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "EQUIPMENT",
            "Nagłośnienie na festyn",
            "Potrzebne nagłośnienie na scenę.",
            null,
            "Gniew"));

    Suggestion best = top("r1");
    assertThat(best.postId()).isEqualTo("o1");
    assertThat(best.good()).isTrue();
  }

  @Test
  void workshopRequestCanBeMetByTrainingOffer() {
    addNoise();
    engine.upsert(
        offer(
            "o1",
            "a",
            "TRAINING",
            "Szkolenie z pierwszej pomocy",
            "Ratownicy przeszkolą z RKO i AED.",
            null,
            "Gniew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "WORKSHOPS",
            "Warsztaty pierwszej pomocy",
            "Chcemy nauczyć młodzież pierwszej pomocy.",
            null,
            "Gniew"));

    Suggestion best = top("r1");
    assertThat(best.postId()).isEqualTo("o1");
    assertThat(best.good()).isTrue();
    assertThat(best.reasons()).anyMatch(r -> r.startsWith("pokrewna kategoria"));
  }

  @Test
  void timeClashLowersButDoesNotHide() {
    engine.upsert(
        offer(
            "o1",
            "a",
            "ROOMS",
            "Sala na spotkania",
            "Udostępnimy salę na warsztaty.",
            "weekendy",
            "Tczew"));
    engine.upsert(
        offer(
            "o2",
            "c",
            "ROOMS",
            "Sala na spotkania",
            "Udostępnimy salę na warsztaty.",
            "w tygodniu rano",
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "ROOMS",
            "Sala na warsztaty",
            "Szukamy sali na warsztaty.",
            "środa rano",
            "Tczew"));

    List<Suggestion> s = engine.suggestionsFor("r1", 5);
    assertThat(s).extracting(Suggestion::postId).containsExactly("o2", "o1");
    assertThat(s.get(1).score()).isLessThan(s.get(0).score()).isGreaterThan(0);
    assertThat(s.get(1).reasons()).contains("weekendy — a prośba: środa rano");
  }

  @Test
  void otherTownLowersButDoesNotHide() {
    engine.upsert(
        offer(
            "o1",
            "a",
            "EQUIPMENT",
            "Namioty do pożyczenia",
            "Pożyczymy namioty na festyn.",
            null,
            "Pelplin"));
    engine.upsert(
        offer(
            "o2",
            "c",
            "EQUIPMENT",
            "Namioty do pożyczenia",
            "Pożyczymy namioty na festyn.",
            null,
            "Gniew"));
    engine.upsert(
        request("r1", "b", "EQUIPMENT", "Namioty na festyn", "Szukamy namiotów.", null, "Gniew"));

    List<Suggestion> s = engine.suggestionsFor("r1", 5);
    assertThat(s).extracting(Suggestion::postId).containsExactly("o2", "o1");
    assertThat(s.get(1).good()).isTrue();
  }

  @Test
  void requestWithNothingRelevantGetsNoGoodMatch() {
    addNoise();
    engine.upsert(
        offer("o1", "a", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "ARTS",
            "Dyrygent do chóru",
            "Nasz chór szuka dyrygenta na próby.",
            "środy",
            "Tczew"));

    assertThat(engine.suggestionsFor("r1", 10)).noneMatch(Suggestion::good);
  }

  @Test
  void moneyRequestGetsNoGoodMatch() {
    engine.upsert(
        offer("o1", "a", "OTHER", "Farby po remoncie", "Oddamy resztki farb.", null, "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "OTHER",
            "Dorzucicie się do farb?",
            "Potrzebuję ok. 300 zł na farby, BLIK na priv.",
            null,
            "Tczew"));

    assertThat(engine.suggestionsFor("r1", 10)).noneMatch(Suggestion::good);
  }

  @Test
  void postsOfTheSameEntityNeverMatch() {
    engine.upsert(
        offer("o1", "a", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));
    engine.upsert(request("r1", "a", "ROOMS", "Szukamy sali", "Potrzebna sala.", null, "Tczew"));

    assertThat(engine.suggestionsFor("r1", 10)).isEmpty();
    assertThat(engine.suggestionsFor("o1", 10)).isEmpty();
  }

  @Test
  void offersGetRankedRequestsToo() {
    engine.upsert(
        request("r1", "b", "ROOMS", "Szukamy sali", "Potrzebna sala na zebranie.", null, "Tczew"));
    engine.upsert(
        offer("o1", "a", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));

    assertThat(top("o1").postId()).isEqualTo("r1");
  }

  @Test
  void upsertReportsRequestsThatNewlyGotTheOfferAsGoodMatch() {
    engine.upsert(
        request(
            "r1", "b", "EQUIPMENT", "Potrzebny projektor", "Szukamy projektora.", null, "Tczew"));
    engine.upsert(
        request("r2", "c", "CATERING", "Ciasto na festyn", "Ktoś upiecze ciasto?", null, "Tczew"));

    UpsertResult created =
        engine.upsert(
            offer(
                "o1",
                "a",
                "EQUIPMENT",
                "Rzutnik do pożyczenia",
                "Pożyczymy rzutnik.",
                null,
                "Tczew"));
    assertThat(created.newGoodMatches()).containsExactly("r1");

    UpsertResult unchanged =
        engine.upsert(
            offer(
                "o1",
                "a",
                "EQUIPMENT",
                "Rzutnik do pożyczenia",
                "Pożyczymy rzutnik z ekranem.",
                null,
                "Tczew"));
    assertThat(unchanged.newGoodMatches()).isEmpty();

    UpsertResult edited =
        engine.upsert(
            offer("o1", "a", "CATERING", "Ciasta na imprezy", "Upieczemy ciasto.", null, "Tczew"));
    assertThat(edited.newGoodMatches()).containsExactly("r2");
    assertThat(edited.lostGoodMatches()).containsExactly("r1");

    assertThat(engine.remove("o1")).containsExactly("r2");
    assertThat(engine.suggestionsFor("r2", 5)).isEmpty();
  }

  @Test
  void reciprocalNeedsFormASwap() {
    engine.upsert(
        offer("a-o", "A", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));
    engine.upsert(
        request(
            "a-r",
            "A",
            "IT_SERVICES",
            "Laptop do naprawy",
            "Trzeba przeinstalować system w laptopie.",
            null,
            "Tczew"));
    engine.upsert(
        offer(
            "b-o",
            "B",
            "IT_SERVICES",
            "Naprawa komputerów",
            "Naprawimy laptopa, zainstalujemy system.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "b-r", "B", "ROOMS", "Szukamy sali", "Potrzebna sala na spotkanie.", null, "Tczew"));

    assertThat(engine.swaps()).hasSize(1);
    Swap swap = engine.swaps().get(0);
    assertThat(List.of(swap.entityA(), swap.entityB())).containsExactlyInAnyOrder("A", "B");
    DealPlan plan = engine.optimalDeals();
    assertThat(plan.swaps()).hasSize(1);
    assertThat(plan.provenOptimal()).isTrue();
  }

  @Test
  void aSwapWithOneWeakLegIsNotListedAndListedLegsCarryTheirReasons() {
    engine.upsert(
        offer("a-o", "A", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));
    engine.upsert(
        request(
            "a-r",
            "A",
            "IT_SERVICES",
            "Laptop do naprawy",
            "Trzeba przeinstalować system w laptopie.",
            null,
            "Tczew"));
    engine.upsert(
        offer(
            "b-o",
            "B",
            "IT_SERVICES",
            "Naprawa komputerów",
            "Naprawimy laptopa, zainstalujemy system.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "b-r", "B", "ROOMS", "Szukamy sali", "Potrzebna sala na spotkanie.", null, "Tczew"));

    Swap swap = engine.swaps().get(0);
    assertThat(swap.strength()).isGreaterThanOrEqualTo(MatchingEngine.GOOD_MATCH_THRESHOLD);
    assertThat(swap.first().reasons()).isNotEmpty();
    assertThat(swap.second().reasons()).isNotEmpty();

    // B now needs something A offers only loosely: the deal graph still holds a swap, but one leg
    // is not a good match, so brokers are not shown it.
    engine.upsert(
        request(
            "b-r",
            "B",
            "ROOMS",
            "Hala sportowa na turniej",
            "Szukamy hali z boiskiem na turniej siatkówki dla 200 osób.",
            null,
            "Tczew"));
    double weak = engine.score("b-r", "a-o");
    assertThat(weak).isLessThan(MatchingEngine.GOOD_MATCH_THRESHOLD);
    if (weak >= MatchingEngine.DEAL_EDGE_THRESHOLD) {
      assertThat(engine.swaps(MatchingEngine.DEAL_EDGE_THRESHOLD)).hasSize(1);
    }
    assertThat(engine.swaps()).isEmpty();
    assertThat(engine.optimalDeals().swaps()).isEmpty();
  }

  @Test
  void threeEntitiesNeedingEachOtherInTurnFormACycle() {
    engine.upsert(
        offer("a-o", "A", "ROOMS", "Sala na spotkania", "Udostępnimy salę.", null, "Tczew"));
    engine.upsert(
        request(
            "a-r", "A", "CATERING", "Ciasto na jubileusz", "Ktoś upiecze ciasto?", null, "Tczew"));
    engine.upsert(
        offer(
            "b-o", "B", "IT_SERVICES", "Naprawa komputerów", "Naprawimy laptopa.", null, "Tczew"));
    engine.upsert(
        request(
            "b-r", "B", "ROOMS", "Szukamy sali", "Potrzebna sala na spotkanie.", null, "Tczew"));
    engine.upsert(
        offer(
            "c-o",
            "C",
            "CATERING",
            "Pieczemy ciasta",
            "Upieczemy ciasto na imprezę.",
            null,
            "Tczew"));
    engine.upsert(
        request("c-r", "C", "IT_SERVICES", "Laptop do naprawy", "Naprawa laptopa.", null, "Tczew"));

    assertThat(engine.swaps()).isEmpty();
    assertThat(engine.cycles()).hasSize(1);
    assertThat(engine.cycles().get(0).entityIds()).containsExactly("A", "B", "C");
    assertThat(engine.optimalDeals().cycles()).hasSize(1);
  }

  @Test
  void neighbouringVillageBeatsADistantTown() {
    engine.upsert(
        offer(
            "far",
            "a",
            "ROOMS",
            "Świetlica do wynajęcia na próby",
            "Udostępnimy świetlicę ze stołami na próby i spotkania.",
            null,
            "Gniew"));
    engine.upsert(
        offer(
            "near",
            "c",
            "ROOMS",
            "Sala w remizie",
            "Sala na spotkania dla grup z okolicy.",
            null,
            "Czarlin"));
    engine.upsert(
        request(
            "r1",
            "b",
            "ROOMS",
            "Sala na próby chóru",
            "Szukamy sali ze stołami na próby chóru.",
            null,
            "Tczew"));

    List<Suggestion> s = engine.suggestionsFor("r1", 5);
    assertThat(s).extracting(Suggestion::postId).containsExactly("near", "far");
    assertThat(s.get(1).reasons()).anyMatch(r -> r.startsWith("Gniew — ok."));
  }

  @Test
  void englishFunctionWordsDoNotMatch() {
    engine.upsert(
        offer(
            "o1",
            "a",
            "WORKSHOPS",
            "Chess lessons for kids",
            "I can teach chess to the children in the library.",
            null,
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "OTHER",
            "Money for the new roof",
            "We are looking for a donation for the roof of the club.",
            null,
            "Tczew"));

    assertThat(engine.suggestionsFor("r1", 5)).noneMatch(Suggestion::good);
  }

  @Test
  void weekendsAndHolidaysAreDaysNotChristmas() {
    engine.upsert(
        offer(
            "o1",
            "a",
            "VOLUNTEERS",
            "Strażacy pomogą przy imprezie",
            "Zabezpieczymy parking i trasę festynu.",
            "weekendy i święta",
            "Tczew"));
    engine.upsert(
        request(
            "r1",
            "b",
            "VOLUNTEERS",
            "Pomoc przy festynie",
            "Szukamy osób do zabezpieczenia parkingu na festynie.",
            "sobota w czerwcu",
            "Tczew"));

    Suggestion best = top("r1");
    assertThat(best.postId()).isEqualTo("o1");
    assertThat(best.reasons()).noneMatch(r -> r.contains("a prośba"));
  }
}
