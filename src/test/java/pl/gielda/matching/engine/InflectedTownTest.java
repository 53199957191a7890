package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InflectedTownTest {

  private final PolishTextAnalyzer analyzer = new PolishTextAnalyzer();
  private final Profiler profiler = new Profiler(analyzer, Lexicon.load(analyzer));

  private PostProfile request(String description, String town) {
    return profiler.profile(
        new MatchPost(
            "r", "e1", MatchPost.Kind.REQUEST, "SALE", "Sala", description, null, null, town));
  }

  private PostProfile offer(String town) {
    return profiler.profile(
        new MatchPost(
            "o", "e2", MatchPost.Kind.OFFER, "SALE", "Sala", "Udostępnimy salę", null, null, town));
  }

  @Test
  void aRequestForAHallInPelplinIsNotPenalisedAgainstAnOfferInPelplin() {
    PostProfile request = request("Szukamy sali w Pelplinie na spotkanie.", "Tczew");
    assertThat(Scorer.namesTown(request, offer("Pelplin"))).isTrue();
    assertThat(Scorer.townFactor(request, offer("Pelplin"), true)).isEqualTo(1.0);
  }

  @Test
  void butIsStillPenalisedAgainstAnOfferInAFarTown() {
    PostProfile request = request("Szukamy sali w Pelplinie na spotkanie.", "Tczew");
    PostProfile far = offer("Gniew");
    assertThat(Scorer.namesTown(request, far)).isFalse();
    assertThat(Scorer.townFactor(request, far, false)).isLessThan(1.0);
  }

  @Test
  void genitivesAndPluralTownsAreRecognised() {
    assertThat(Scorer.namesTown(request("Dowieziemy z Tczewa.", "Gniew"), offer("Tczew"))).isTrue();
    assertThat(
            Scorer.namesTown(request("Potrzebny transport do Subków.", "Tczew"), offer("Subkowy")))
        .isTrue();
    assertThat(Scorer.namesTown(request("Impreza w Gdańsku.", "Tczew"), offer("Gdańsk"))).isTrue();
  }

  @Test
  void aTwoWordTownIsRecognisedInflectedAndWithItsNounAlone() {
    PostProfile starogard = offer("Starogard Gdański");
    assertThat(Scorer.namesTown(request("Sala w Starogardzie Gdańskim.", "Tczew"), starogard))
        .isTrue();
    assertThat(Scorer.namesTown(request("Sala w Starogardzie.", "Tczew"), starogard)).isTrue();
  }

  @Test
  void anOrdinaryWordIsNotTakenForATown() {
    PostProfile request = request("Szukamy sali na spotkanie o nowej pracy w Tczewie.", "Tczew");
    assertThat(Scorer.namesTown(request, offer("Nowe"))).isFalse();
    assertThat(Scorer.namesTown(request, offer("Pelplin"))).isFalse();
    assertThat(
            Scorer.namesTown(
                request("Pan Stanisław pomoże przy sali.", "Tczew"), offer("Stanisławie")))
        .isFalse();
  }

  @Test
  void thePostsOwnTownInflectedKeepsTheLowWeightOfItsExactForm() {
    PostProfile own = request("Szukamy sali w Pelplinie.", "Pelplin");
    int i = java.util.Arrays.asList(own.keys()).indexOf("l:pelplin");
    assertThat(i).isGreaterThanOrEqualTo(0);
    assertThat(own.weights()[i]).isLessThan(0.1);
  }
}
