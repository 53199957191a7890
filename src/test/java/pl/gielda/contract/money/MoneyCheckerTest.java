package pl.gielda.contract.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoneyCheckerTest {

  private final MoneyChecker checker = new MoneyChecker();

  private List<MoneyFinding> check(String text) {
    return checker.check("description", text);
  }

  private void assertFlagged(String text) {
    assertThat(check(text)).as("should mention money: %s", text).isNotEmpty();
  }

  private void assertNotFlagged(String text) {
    assertThat(check(text)).as("should not mention money: %s", text).isEmpty();
  }

  // ---- amounts and currencies ----

  @Test
  void amountInZlotyIsFlagged() {
    List<MoneyFinding> findings = check("Udostępnimy salę za symboliczne 500 zł.");

    assertThat(findings)
        .containsExactly(
            new MoneyFinding(
                "description",
                "500 zł",
                "Wzmianka o pieniądzach (kwota)",
                "Mentions money (amount)"));
  }

  @Test
  void amountInPlnAndThousandsIsFlagged() {
    assertThat(check("Koszt 1000 PLN")).extracting(MoneyFinding::fragment).contains("1000 PLN");
    assertThat(check("Brakuje nam 2 tys. złotych"))
        .extracting(MoneyFinding::fragment)
        .contains("2 tys. złotych");
    assertThat(check("to ok. 4 000 zł (10%)"))
        .extracting(MoneyFinding::fragment)
        .contains("4 000 zł");
  }

  @Test
  void euroAndDollarAmountsAreFlagged() {
    assertThat(check("Only €200 per day")).extracting(MoneyFinding::fragment).contains("€200");
    assertThat(check("Koszt 100 euro")).extracting(MoneyFinding::fragment).contains("100 euro");
    assertThat(check("I can pay $50")).extracting(MoneyFinding::fragment).contains("$50");
  }

  @Test
  void amountInWordsIsFlagged() {
    assertFlagged("Wystarczy kilkaset złotych na farby.");
    assertFlagged("Potrzebujemy paru stówek na paliwo.");
  }

  @Test
  void currencyWithoutNumberIsFlagged() {
    assertFlagged("Any amount helps, € or zł!");
    assertFlagged("Każda złotówka się liczy.");
  }

  @Test
  void inflectedCurrencyAfterNumberIsFlagged() {
    assertFlagged("Mamy 300 złotych na catering.");
    assertFlagged("Zostało nam 50 złotówek.");
  }

  // ---- transfers, accounts, invoices, cash ----

  @Test
  void bankTransferIsFlagged() {
    assertFlagged("Płatność przelewem po wykonaniu.");
    assertFlagged("Środki przelejemy w ciągu 14 dni.");
    assertFlagged("Prosimy o wpłatę na konto stowarzyszenia.");
    assertFlagged("Please make a bank transfer to our account.");
  }

  @Test
  void accountNumberAndPaymentAppsAreFlagged() {
    assertFlagged("Numer konta podamy w wiadomości.");
    assertFlagged("Jak ktoś może dorzucić – BLIK, numer podam na priv.");
    assertFlagged("I can send my Revolut.");
  }

  @Test
  void polishInvoiceIsFlaggedInAnyForm() {
    assertFlagged("Wystawimy fakturę VAT.");
    assertFlagged("Rodzice mogą wziąć faktury.");
    assertFlagged("FV na organizację.");
  }

  @Test
  void englishInvoiceFlagged() {
    assertFlagged("We will send an invoice after the event.");
  }

  @Test
  void cashIsFlagged() {
    assertFlagged("Można też gotówką do puszki.");
    assertFlagged("Cash only, sorry.");
  }

  @Test
  void missingDiacriticsStillFlagged() {
    assertFlagged("platne gotowka przy odbiorze");
    assertFlagged("za 200 zl za godzine");
    assertFlagged("zaplata po wykonaniu, faktura na firme");
    assertFlagged("wplata na konto, przelewem");
  }

  // ---- fundraising, grants, sponsoring ----

  @Test
  void fundraisingIsFlagged() {
    assertFlagged("Link do zrzutki u nas przy stoliku.");
    assertFlagged("Dorzucicie się do farb?");
    assertFlagged("I'm collecting donations for a youth exchange.");
    assertFlagged("Przekaż 1,5% podatku na nasze stowarzyszenie.");
  }

  @Test
  void moneyDonationIsFlaggedButDonationInKindIsNot() {
    assertFlagged("Przyjmiemy darowiznę pieniężną na cele statutowe.");
    assertFlagged("Bank może przekazać darowiznę na cele statutowe wybranej organizacji.");
    assertNotFlagged("Jak przekazać darowiznę rzeczową? Księgowa pyta o umowę.");
  }

  @Test
  void grantPaidOutIsFlagged() {
    assertFlagged("Dotacja do wypłaty po podpisaniu umowy.");
    assertFlagged("Gmina ogłasza nabór: mikrodotacje dla inicjatyw mieszkańców.");
    assertFlagged("Sfinansujemy wyjazd dla 10 dzieci.");
    assertFlagged("Pokryjemy koszty dojazdu instruktora.");
  }

  @Test
  void grantWritingWorkshopIsNotMoney() {
    assertNotFlagged("Warsztaty z pisania wniosków o dotacje dla małych organizacji.");
    assertNotFlagged("Na co uważać we wniosku o dotację – poprowadzimy 3-godzinne warsztaty.");
    assertNotFlagged("Szkolenie z pozyskiwania grantów i rozliczania dotacji.");
  }

  @Test
  void grantTitleMakesTheWholePostAboutGrantWriting() {
    Map<String, String> post = new LinkedHashMap<>();
    post.put("title", "Warsztaty: jak napisać wniosek grantowy");
    post.put("description", "Pokażemy, skąd brać dotacje i granty na małe projekty.");

    assertThat(checker.check(post)).isEmpty();
  }

  @Test
  void moneyThatFundedTheGiverIsNotPartOfTheDeal() {
    assertNotFlagged("Sprzęt kupiony z dotacji gminy, chętnie pożyczymy.");
    assertNotFlagged("Projekt realizowany dzięki grantowi z FIO.");
  }

  @Test
  void financialSponsoringIsFlaggedButMediaPatronageAndPrizesAreNot() {
    assertFlagged("Szukamy sponsoringu finansowego dla drużyny.");
    assertFlagged("Szukamy sponsora – brakuje nam na nowe węże.");
    assertNotFlagged("Sponsor medialny: Radio Tczew.");
    assertNotFlagged("Szukamy sponsora nagród rzeczowych na turniej.");
  }

  // ---- payment, pay, costs, prices ----

  @Test
  void paymentIsFlagged() {
    assertFlagged("Zapłata po wykonaniu usługi.");
    assertFlagged("Usługa płatna.");
    assertFlagged("Sala dostępna za opłatą.");
    assertFlagged("Odpłatnie, do uzgodnienia.");
    assertFlagged("Paid position for a weekend.");
    assertFlagged("Small fee for materials.");
  }

  @Test
  void payAndHourlyRateAreFlagged() {
    assertFlagged("Wynagrodzenie do uzgodnienia.");
    assertFlagged("Stawka godzinowa do negocjacji.");
    assertFlagged("Zwrot kosztów paliwa.");
  }

  @Test
  void discountAndPriceDealsAreFlagged() {
    assertFlagged("Rabat 30% na druk dla organizacji.");
    assertFlagged("20% zniżki dla NGO.");
    assertFlagged("Bilety w promocyjnej cenie.");
    assertFlagged("Sprzedam namiot, tanio.");
  }

  @Test
  void freeOfChargeIsNotMoney() {
    assertNotFlagged("Udostępnimy salę nieodpłatnie.");
    assertNotFlagged("Pomoc bezpłatna, bez żadnych opłat.");
    assertNotFlagged("Pracujemy jako wolontariusze, bez wynagrodzenia.");
    assertNotFlagged("Free of charge, no fee.");
    assertNotFlagged("Nie chodzi nam o pieniądze, tylko o pomoc.");
  }

  // ---- innocent text ----

  @Test
  void bankNameIsNotMoney() {
    assertNotFlagged("Bank Spółdzielczy udostępni salę konferencyjną (30 miejsc, rzutnik).");
    assertNotFlagged("Wolontariusze do Świątecznej Zbiórki Żywności dla Banku Żywności.");
  }

  @Test
  void numbersWithoutCurrencyAreNotMoney() {
    assertNotFlagged("Sala na 50 osób, 3 godziny.");
    assertNotFlagged("100 krzeseł i 20 stołów, ok. 800 kg, namioty 3x6 m.");
    assertNotFlagged("Opublikujemy na fb powiatu (ok. 12 tys. obserwujących).");
    assertNotFlagged("Porcje po 200 gr, do 50 osób.");
  }

  @Test
  void returnOfBorrowedThingsIsNotARefund() {
    assertNotFlagged("Odbiór i zwrot własnym transportem, w piątek po 15.");
  }

  @Test
  void financialEducationIsNotMoney() {
    assertNotFlagged("Lekcja o tym, jak działa konto i karta płatnicza i jak nie dać się oszukać.");
    assertNotFlagged("Oszustwa „na BLIK” – spotkanie dla seniorów.");
    assertNotFlagged("Konsultacje księgowe dla NGO: sprawozdanie finansowe, rozliczenie projektu.");
  }

  @Test
  void wordsThatOnlyLookLikeMoneyAreNotFlagged() {
    assertNotFlagged("Plac zabaw przy szkole i placki ziemniaczane na festyn.");
    assertNotFlagged("Opłatek dla seniorów w grudniu.");
    assertNotFlagged("Płatnerz z bractwa pokaże wykuwanie zbroi.");
    assertNotFlagged("Pensjonat udostępni salę na spotkanie.");
    assertNotFlagged("Złote gody – jubileusz par, potrzebujemy fotografa.");
    assertNotFlagged("Zbiórka harcerzy w sobotę o 10.");
    assertNotFlagged("Kwestia transportu do ustalenia.");
    assertNotFlagged("Pay us a visit at our stand!");
  }

  // ---- API ----

  @Test
  void findingsNameTheFieldAndQuoteTheTextAsTyped() {
    Map<String, String> post = new LinkedHashMap<>();
    post.put("title", "Sponsor na nowe węże");
    post.put("description", "Brakuje nam ok. 3500 ZŁ.");
    post.put("quantity", null);

    List<MoneyFinding> findings = checker.check(post);

    assertThat(findings)
        .extracting(MoneyFinding::field, MoneyFinding::fragment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("title", "Sponsor"),
            org.assertj.core.groups.Tuple.tuple("description", "3500 ZŁ"));
    assertThat(findings.get(0).reasonPl())
        .as("the reason names the kind; the phrase travels once, as the fragment")
        .isEqualTo("Wzmianka o pieniądzach (sponsoring)");
    assertThat(findings.get(0).reasonEn()).isEqualTo("Mentions money (sponsorship)");
  }

  @Test
  void aPhraseFoundInSeveralFieldsIsReportedOnce() {
    Map<String, String> post = new LinkedHashMap<>();
    post.put("title", "Sala za 200 zł");
    post.put("description", "Cena: 200 zł za wieczór.");

    assertThat(checker.check(post))
        .extracting(MoneyFinding::fragment)
        .containsExactly("200 zł", "Cena");
  }

  @Test
  void moneyAsTopicOrContextIsNotMoneyBetweenTheParties() {
    assertNotFlagged("Materiał kupimy sami, szukamy stolarza, który pokaże dzieciom warsztat.");
    assertNotFlagged("Szkolenie: e-faktury i KSeF w małej organizacji, 3 godziny.");
    assertNotFlagged("Zbieramy nakrętki dla chorego Kuby, przynieście je na festyn.");
    assertNotFlagged("Oddamy kasę fiskalną i cash register po remoncie sklepu.");
    assertNotFlagged("Dojazd pokrywamy we własnym zakresie.");
  }

  @Test
  void moneyBetweenThePartiesNextToATopicIsStillFlagged() {
    assertFlagged("Po szkoleniu wystawimy fakturę na stowarzyszenie.");
    assertFlagged("Kupimy od Was stare krzesła.");
    assertFlagged("Szkolenie płatne, 300 zł od osoby.");
  }

  @Test
  void blankTextHasNoFindings() {
    assertThat(checker.check("description", null)).isEmpty();
    assertThat(checker.check("description", "  ")).isEmpty();
    assertThat(checker.check(Map.of())).isEmpty();
  }
}
