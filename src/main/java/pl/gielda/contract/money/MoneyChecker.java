package pl.gielda.contract.money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mentions of money in the free text of posts and contracts (Polish and English, with or
 * without diacritics, inflected forms).
 *
 * <p>Contracts at a resource exchange fair must not involve money. The checker flags amounts of
 * money, currencies, bank transfers and account numbers, invoices, cash, fundraising, grants paid
 * out, financial sponsoring, payment, pay, refunded costs, prices and discounts. It deliberately
 * does not flag bare numbers ("sala na 50 osób", "12 tys. obserwujących"), bank names ("Bank
 * Spółdzielczy", "Bank Żywności"), in-kind donations ("darowizna rzeczowa"), grant-writing
 * workshops ("wniosek o dotację"), financial education ("jak działa konto") or money mentioned only
 * to say there is none ("bez opłat", "bez wynagrodzenia", "no fee").
 *
 * <p>Pure Java and thread-safe: one instance can be shared.
 */
public final class MoneyChecker {

  /** What kind of money a finding is about; gives the label shown in the reason. */
  enum Kind {
    AMOUNT(null, null),
    CURRENCY("waluta", "currency"),
    TRANSFER("przelew lub wpłata", "bank transfer or payment in"),
    ACCOUNT("konto lub płatność online", "bank account or online payment"),
    INVOICE("faktura lub rachunek", "invoice or bill"),
    CASH("gotówka", "cash"),
    FUNDRAISING("zbiórka pieniędzy lub darowizna", "fundraising or money donation"),
    FINANCING("dotacja lub finansowanie", "grant or funding"),
    SPONSORING("sponsoring", "sponsorship"),
    PAYMENT("płatność", "payment"),
    SALARY("wynagrodzenie", "pay or salary"),
    COSTS("pokrycie lub zwrot kosztów", "covering or refunding costs"),
    PRICE("cena lub rabat", "price or discount"),
    MONEY("pieniądze", "money");

    final String labelPl;
    final String labelEn;

    Kind(String labelPl, String labelEn) {
      this.labelPl = labelPl;
      this.labelEn = labelEn;
    }
  }

  /** Context that makes a match innocent. */
  enum Guard {
    /** "bez opłat", "nie pobieramy żadnych opłat", "no fee", "without payment". */
    NEGATED,
    /** "darowizna rzeczowa", "sponsor nagród", "patron / sponsor medialny", "in-kind". */
    IN_KIND,
    /** "wniosek o dotację", "warsztaty z pisania wniosków", "grant-writing workshop". */
    GRANT_WRITING,
    /** "z dotacji gminy", "dostaliśmy grant", "funded by": money that is not part of the deal. */
    FUNDED_BY,
    /** "lekcje edukacji finansowej: jak działa konto", "lesson about money". */
    EDUCATION,
    /** "wynajmujemy na wesela, dla organizacji za darmo". */
    FREE_OF_CHARGE,
    /** "cyberbezpieczeństwo: oszustwa na BLIK, fałszywe przelewy", "scam awareness". */
    FRAUD_AWARENESS
  }

  private record Rule(Kind kind, Pattern pattern, boolean onOriginal, Set<Guard> guards) {}

  private record Candidate(int start, int end, Kind kind) {}

  // ---- building blocks (all patterns run on folded text: lower case, no diacritics) ----

  private static final String B = "(?<![\\p{L}\\p{N}])"; // word start
  private static final String E = "(?![\\p{L}\\p{N}])"; // word end
  private static final String L = "\\p{L}*"; // rest of an inflected word
  private static final String W = "(?:\\p{L}+[\\s,]+)"; // one in-between word

  private static final String NUMBER =
      "(?:\\d{1,3}(?:[ .,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
  private static final String NUMBER_RANGE = NUMBER + "(?:\\s*-\\s*" + NUMBER + ")?";
  private static final String MULTIPLIER =
      "(?:\\s*(?:tys\\.?|tysiecy|tysiace|tysiac|mln\\.?|milion" + L + "|mld|k)(?![\\p{L}]))?";
  private static final String CURRENCY_AFTER_NUMBER =
      "(?:(?:zl|zlotych|zlote|zloty|zlotego|zlotowek|zlotowki|zlotowka|zlotowke|zlociszy|pln|eur"
          + "|euro|eurasow|usd|gbp|chf|dolar"
          + L
          + "|dollars?|bucks|quid|groszy|grosze)(?![\\p{L}])|[€$£])";
  private static final String NUMERAL_WORD =
      "(?:jeden|jedna|jedne|dwa|dwie|dwoch|trzy|trzech|cztery|czterech|piec|pieciu|szesc|szesciu"
          + "|siedem|siedmiu|osiem|osmiu|dziewiec|dziewieciu|dziesiec|dziesieciu|\\p{L}+nascie"
          + "|\\p{L}+nastu|dwadziescia|trzydziesci|czterdziesci|\\p{L}+dziesiat|\\p{L}+dziesieciu"
          + "|sto|stu|dwiescie|trzysta|czterysta|\\p{L}+set|\\p{L}+uset|tysiac|tysiace|tysiecy"
          + "|tysiaca|milion\\p{L}*|kilka|kilku|kilkanascie|kilkunastu|kilkadziesiat"
          + "|kilkudziesieciu|kilkaset|kilkuset|pare|paru|parenascie|pol|ile|ilus|wiele|duzo"
          + "|hundreds?|thousands?|few|ten|twenty|thirty|fifty)";
  private static final String CURRENCY_WORD =
      "(?:zlotych|zlote|zloty|zlotowek|zlotowki|zlotowke|zlotowka|euro|eurasow|dolarow|dolary"
          + "|dollars|bucks|quid|groszy|grosze|zl|pln|stow|stowki|stowek|stowy|dych|dyszk\\p{L}*)";

  // ---- guards ----

  private static final Pattern NEGATION_BEFORE =
      Pattern.compile(
          "(?:^|[^\\p{L}])(?:bez|nie|nic|brak|zadn\\p{L}*|zero|zwolnion\\p{L}*|wolne\\s+od|za\\s+darmo"
              + "|no|not|without|free\\s+of|never|don't|dont|nor|ani|free)"
              + "(?:\\s+\\p{L}+){0,3}\\s*$",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern IN_KIND_CONTEXT =
      Pattern.compile(
          B
              + "(?:rzeczow|niepienie|niefinansow|pozafinansow|osobow|w\\s+naturze|in[- ]kind|nagrod"
              + "|upomink|gadzet|medial|media"
              + "|prizes?|goods|items|clothes|clothing|food|toys|books|blood|krwi)",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern GRANT_WRITING_CONTEXT =
      Pattern.compile(
          B
              + "(?:wnios|pisa|napisa|pozyskiw|pozyska|pozyskan|rozlicz|warsztat|szkoleni|szkolimy"
              + "|konsultac|dorad|porad|kurs|writing|workshop|application|apply|training|how\\s+to"
              + "|jak\\s+(?:napisac|zdobyc|pozyskac|rozliczyc|zlozyc|przygotowac))",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern FUNDED_BY_BEFORE =
      Pattern.compile(
          "(?:^|[^\\p{L}])(?:dzieki|ramach|dostal\\p{L}*|otrzymal\\p{L}*|from|by|thanks"
              + "|under|funded|received|got)"
              + "(?:[^\\p{L}]+\\p{L}+){0,2}[^\\p{L}]*$",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern FROM_BEFORE =
      Pattern.compile("(?:^|[^\\p{L}])ze?(?:\\s+\\p{L}+)?\\s*$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern INSTRUMENTAL_ENDING =
      Pattern.compile("(?:em|a|ami)$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern EDUCATION_CONTEXT =
      Pattern.compile(
          B
              + "(?:lekcj|edukacj|nauk|uczy|nauczy|uczymy|oszczedza|budzet|oszust|cyberbezpiecz"
              + "|bezpieczn|lesson|teach|learn|literacy|scam|fraud|saving)",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern FRAUD_CONTEXT =
      Pattern.compile(
          B
              + "(?:oszust|oszuk|wyludz|falszyw|cyberbezpiecz|bezpieczenstw|edukacj\\p{L}*\\s+finansow"
              + "|jak\\s+dziala|scam|fraud|phishing|financial\\s+literacy"
              + "|how\\s+(?:\\p{L}+\\s+){0,3}works?)",
          Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern FREE_CONTEXT =
      Pattern.compile(
          B
              + "(?:za\\s+darmo|bezplatn|nieodplatn|gratis|for\\s+free|free\\s+of\\s+charge"
              + "|pro\\s+bono|bez\\s+oplat)",
          Pattern.UNICODE_CHARACTER_CLASS);

  private static final List<Rule> RULES = buildRules();

  private static List<Rule> buildRules() {
    List<Rule> rules = new ArrayList<>();

    // Amounts: "500 zł", "2 tys. złotych", "4 000 zł", "€200", "$50", "pięćset złotych".
    add(rules, Kind.AMOUNT, B + NUMBER_RANGE + MULTIPLIER + "\\s*" + CURRENCY_AFTER_NUMBER);
    add(rules, Kind.AMOUNT, "(?:[€$£]|" + B + "(?:pln|eur|usd|gbp))\\s?" + NUMBER + MULTIPLIER);
    add(
        rules,
        Kind.AMOUNT,
        B + NUMERAL_WORD + "(?:\\s+" + NUMERAL_WORD + ")*\\s+" + CURRENCY_WORD + E);

    // Sums without a number: "dowolna kwota", "każda kwota", "any amount helps".
    add(
        rules,
        Kind.AMOUNT,
        B + "(?:kwot" + L + "|any\\s+amount|amount\\s+of\\s+money)",
        Guard.NEGATED);

    // Currencies on their own: "(€ or zł, any amount helps)", "w złotówkach".
    add(
        rules,
        Kind.CURRENCY,
        B
            + "(?:zl|pln|zlotow"
            + L
            + "|zlocisz"
            + L
            + "|eur|euro(?!\\s+(?:19|20)\\d\\d)|eurasy|eurasow|usd|gbp|dolar"
            + L
            + "|dollars?|bucks)"
            + E
            + "|[€$£]");
    // "zloty" in English; Polish "złoty" is also "golden", so only when typed without "ł".
    addOnOriginal(rules, Kind.CURRENCY, B + "(?:zloty|zlotys|zlotych)" + E);

    // Transfers: "przelew", "przelewem", "przelejemy", "wpłata na konto", "bank transfer".
    add(
        rules,
        Kind.TRANSFER,
        B
            + "(?:przelew"
            + L
            + "|przelac|przelej"
            + L
            + "|przeleje"
            + L
            + "|przelal"
            + L
            + "|wplac"
            + L
            + "|wplat"
            + L
            + ")",
        Guard.FRAUD_AWARENESS);
    add(
        rules,
        Kind.TRANSFER,
        B
            + "(?:(?:bank|wire|money|electronic|online)\\s+transfers?"
            + "|transfer(?:s|red|ring)?\\s+(?:the\\s+|of\\s+|some\\s+)?(?:money|funds|payment|amount"
            + "|cash|\\d)"
            + "|wire\\s+(?:me|us|the\\s+money|money|funds|it|the\\s+amount)"
            + "|transfer(?:red)?\\s+(?:it\\s+)?to\\s+(?:my|our|the|your)\\s+(?:bank\\s+)?account)",
        Guard.FRAUD_AWARENESS);

    // Accounts and payment apps: "na konto", "numer konta", "BLIK", "Revolut", "IBAN".
    add(
        rules,
        Kind.ACCOUNT,
        B
            + "(?:na\\s+(?:sub)?konto|na\\s+rachunek|numer"
            + L
            + "\\s+(?:kont|rachunk)"
            + L
            + "|nr\\.?\\s*(?:kont|rachunk)"
            + L
            + "|kont"
            + L
            + "\\s+bankow"
            + L
            + "|rachun"
            + L
            + "\\s+bankow"
            + L
            + "|dane\\s+do\\s+przelewu|iban|account\\s+(?:number|details)|bank\\s+(?:details"
            + "|account))"
            + E,
        Guard.EDUCATION,
        Guard.FRAUD_AWARENESS);
    add(
        rules,
        Kind.ACCOUNT,
        B
            + "(?:blik"
            + L
            + "|revolut"
            + L
            + "|paypal"
            + L
            + "|venmo|patronit"
            + L
            + "|pomagam\\.pl|zrzutka\\.pl|gofundme|go\\s?fund\\s?me|crowdfunding"
            + L
            + "|kart"
            + L
            + "\\s+platnicz"
            + L
            + "|terminal"
            + L
            + "\\s+platnicz"
            + L
            + ")",
        Guard.FRAUD_AWARENESS);

    // Invoices: "faktura", "fakturę", "FV", "rachunek", "paragon", "invoice", "VAT".
    add(
        rules,
        Kind.INVOICE,
        B
            + "(?:faktur"
            + L
            + "|fv|fvat|invoic"
            + L
            + "|paragon(?:u|y|ie|em|ow)?|rachunek(?!\\s+sumienia)|rachunku|rachunki|rachunkiem|vat)"
            + E,
        Guard.FRAUD_AWARENESS);

    // Cash: "gotówka", "gotówką", "gotowka", "cash", "do puszki", slang.
    add(
        rules,
        Kind.CASH,
        B
            + "(?:gotowk"
            + L
            + "|gotowkow"
            + L
            + "|cash|banknot"
            + L
            + "|hajs"
            + L
            + "|szmal"
            + L
            + "|kesz|do\\s+puszk"
            + L
            + "|stowk"
            + L
            + "|skarbonk"
            + L
            + "|skarbonce)",
        Guard.FRAUD_AWARENESS);

    // Fundraising: "zrzutka", "kwesta", "dorzucić się", "donations", "darowizna" (not in kind).
    add(
        rules,
        Kind.FUNDRAISING,
        B
            + "(?:zrzutk"
            + L
            + "|zrzutce|kwest(?:a|y|e|om|ach)"
            + E
            + "|kwestuj"
            + L
            + "|kwestowa"
            + L
            + "|(?:zrzuc|dorzuc)"
            + L
            + "\\s+sie"
            + E
            + "|sie\\s+(?:zrzuc|dorzuc)"
            + L
            + "|zbiork"
            + L
            + "\\s+(?:pieni|publiczn|srodkow|funduszy)"
            + L
            + "|zbiera"
            + L
            + "\\s+(?:pieni|srodki|fundusz|kase|kwot)"
            + L
            + "|co\\s+laska|cegielk"
            + L
            + "|zasil"
            + L
            + "\\s+(?:\\p{L}+\\s+)?(?:kont|budzet|kas|zbiork)"
            + L
            + "|odlicz"
            + L
            + "\\s+(?:\\p{L}+\\s+){0,2}podat"
            + L
            + "|chip\\s+in|fundrais"
            + L
            + "|crowdfund"
            + L
            + "|(?:1[,.]5|1)\\s?(?:%|procent"
            + L
            + ")\\s+(?:podatku|pit)"
            + L
            + ")");
    add(
        rules,
        Kind.FUNDRAISING,
        B + "(?:darowizn" + L + "|datk" + L + "|datek|donation" + L + "|donate\\s+money)",
        Guard.IN_KIND);

    // Financing: "sfinansujemy", "wsparcie finansowe", "wypłata", "sponsoring finansowy".
    add(
        rules,
        Kind.FINANCING,
        B
            + "(?:sfinans"
            + L
            + "|finansuj"
            + L
            + "|dofinansuj"
            + L
            + "|wspolfinansuj"
            + L
            + "|(?:wsparci|pomoc|sponsoring|wklad|srodk|nagrod|wesprz|wspier|wspom)"
            + L
            + "\\s+(?:finansow|pienie)"
            + L
            + "|finansowo|wyplat(?:a|y|e|ie)"
            + E
            + "|wyplac"
            + L
            + "|financial\\s+(?:support|help|contribution)|financially)",
        Guard.GRANT_WRITING);
    add(
        rules,
        Kind.FINANCING,
        B
            + "(?:dotacj"
            + L
            + "|mikrodotacj"
            + L
            + "|grant"
            + L
            + "|mikrogrant"
            + L
            + "|stypendi"
            + L
            + "|subwencj"
            + L
            + "|dofinansowani"
            + L
            + "|wklad"
            + L
            + "\\s+wlasn"
            + L
            + "|funding|funds)",
        Guard.GRANT_WRITING,
        Guard.FUNDED_BY,
        Guard.IN_KIND);

    // Sponsoring (not prizes or media patronage): "szukamy sponsora", "mecenat".
    add(
        rules,
        Kind.SPONSORING,
        B + "(?:sponsor" + L + "|mecenat" + L + "|ufund" + L + ")",
        Guard.IN_KIND);

    // Payment: "płatne", "płatność", "za opłatą", "odpłatnie", "zapłata", "paid", "fee".
    add(
        rules,
        Kind.PAYMENT,
        B
            + "(?:platn(?!erz)"
            + L
            + "|odplatn"
            + L
            + "|zaplac"
            + L
            + "|zaplat(?:y|e|a|ie)"
            + E
            + "|oplat(?:a|y|e|ie|ami|ach)?"
            + E
            + "|oplac(?!aln)"
            + L
            + "|doplat"
            + L
            + "|doplac"
            + L
            + "|placi(?:c|my|sz|cie|l|la|li|lo|ly)?"
            + E
            + "|placa|placy|skladk"
            + L
            + "|czesne"
            + L
            + "|wpisow(?:e|ego|ym)|abonament"
            + L
            + "|naleznosc"
            + L
            + "|paid|pay(?!\\s+(?:a\\s+|us\\s+a\\s+)?(?:visit|attention|tribute|respects))|pays"
            + "|paying|payment"
            + L
            + "|payable|prepaid|fees?"
            + "|(?:we|i|they)\\s+charge|(?:small|extra|a)\\s+charge|charge\\s+(?:per|of)"
            + ")"
            + E,
        Guard.NEGATED,
        Guard.FRAUD_AWARENESS);
    // "płacę", "płać": ambiguous with "place" (squares) once diacritics are gone.
    addOnOriginal(
        rules,
        Kind.PAYMENT,
        B + "(?:za|do|wy)?(?:płac(?!z)|płać)" + L,
        Guard.NEGATED,
        Guard.FRAUD_AWARENESS);
    // Rent: "do wynajęcia", "wynajmiemy", "czynsz", "for rent".
    add(
        rules,
        Kind.PAYMENT,
        B + "(?:wynaj" + L + "|najem|najmu|czynsz" + L + "|rent|rental|renting|for\\s+rent)" + E,
        Guard.NEGATED,
        Guard.FREE_OF_CHARGE);

    // Pay and salary: "wynagrodzenie", "stawka godzinowa", "honorarium", "salary".
    add(
        rules,
        Kind.SALARY,
        B
            + "(?:wynagrodz"
            + L
            + "|honorari"
            + L
            + "|pensj(?:a|i|e|a|ami|ach)"
            + E
            + "|zarob(?!ion|ieni)"
            + L
            + "|zarabia"
            + L
            + "|dniowk"
            + L
            + "|stawk"
            + L
            + "\\s+(?:godzinow|dzienn|za\\s|\\d|netto|brutto)"
            + L
            + "|salar"
            + L
            + "|umow"
            + L
            + "\\s+(?:o\\s+dzielo|zleceni"
            + L
            + "|o\\s+prace)"
            + "|per\\s+diem|allowance|compensation|wages?|remuneration|stipend"
            + L
            + "|hourly\\s+rate|daily\\s+rate|paid\\s+(?:job|work|position))",
        Guard.NEGATED);

    // Costs covered or refunded: "pokryjemy koszty", "zwrot kosztów", "koszty po Waszej stronie".
    add(
        rules,
        Kind.COSTS,
        B
            + "(?:(?:zwrot|zwroc|zwraca|refundac|refundu)"
            + L
            + "\\s+"
            + W
            + "{0,2}(?:koszt|wydatk|paliw|dojazd|przejazd|bilet|material)"
            + L
            + "|(?:pokry|pokryw|sfinansow)"
            + L
            + "\\s+"
            + W
            + "{0,2}(?:koszt|wklad|wydatk|rachun|oplat|faktur|czesne|skladk|bilet|nocleg|paliw"
            + "|dojazd|przejazd|wynaj|czynsz)"
            + L
            + "|koszt"
            + L
            + "\\s+"
            + W
            + "{0,3}(?:zwraca|zwroc|zwrot|pokryw|pokryj|pokryc|ponos|po\\s+(?:waszej|twojej|panstwa"
            + "|stronie))"
            + L
            + "|kosztuj"
            + L
            + "|kosztowa(?:c|l|lo|ly|lby)"
            + E
            + "|po\\s+koszt"
            + L
            + "|(?:podziel|dziel)"
            + L
            + "\\s+(?:sie\\s+)?koszt"
            + L
            + "|za\\s+paliw"
            + L
            + "|kilometrowk"
            + L
            + "|refund"
            + L
            + "|reimburs"
            + L
            + "|cover"
            + L
            + "\\s+(?:the\\s+|all\\s+|your\\s+|our\\s+|their\\s+)?(?:costs?|expenses|bill|fees?)"
            + "|(?:at|on)\\s+cost|cost\\s+price|costs?\\s+"
            + W
            + "{0,2}covered|it\\s+costs)"
            + E,
        Guard.NEGATED);

    // Prices and discounts: "rabat 30%", "zniżka", "w cenie", "taniej", "za grosze", "sprzedam".
    add(
        rules,
        Kind.PRICE,
        B
            + "(?:rabat"
            + L
            + "|znizk"
            + L
            + "|upust"
            + L
            + "\\s+cenow"
            + L
            + "|obnizk"
            + L
            + "|(?:w|po|o|za)\\s+(?!wszelk)(?:\\p{L}+\\s+)?cen(?:ie|e|y|ach)"
            + E
            + "|cena|ceny|(?<!wszelka\\s)cene|cenami|cenach|cennik"
            + L
            + "|taniej|tanio|najtaniej|za\\s+grosze|za\\s+pol\\s+ceny"
            + "|symbolicz"
            + L
            + "\\s+(?:kwot|oplat|cen)"
            + L
            + "|sprzedam|sprzedamy|odsprzedam|odsprzedamy|odkupie|odkupimy|kupimy|(?<!na\\s)kupie"
            + "|discount"
            + L
            + "|\\d+\\s?%\\s+off|cheaper|cheap|half[- ]price|price(?!less)"
            + L
            + "|pricing|for\\s+sale|(?:we|i)(?:'ll|\\s+will|\\s+can)?\\s+sell"
            + "|(?<![\\p{L}\\p{N}])-\\s?\\d{1,2}\\s?%"
            + "|vouchery?|vouchers|gift\\s+cards?|kupon"
            + L
            + "|kart"
            + L
            + "\\s+podarunkow"
            + L
            + "|bon"
            + L
            + "\\s+(?:na\\s+zakupy|o\\s+wartosci|podarunkow|towarow|zakupow)"
            + L
            + ")"
            + E,
        Guard.NEGATED);

    // Money in general: "pieniądze", "środki pieniężne", "money" (not in a lesson about money).
    add(
        rules,
        Kind.MONEY,
        B
            + "(?:pieniadz"
            + L
            + "|pieniedz"
            + L
            + "|pieniezn"
            + L
            + "|pieniazk"
            + L
            + "|money|monetary)",
        Guard.NEGATED,
        Guard.EDUCATION);

    return List.copyOf(rules);
  }

  private static void add(List<Rule> rules, Kind kind, String regex, Guard... guards) {
    rules.add(rule(kind, regex, false, guards));
  }

  private static void addOnOriginal(List<Rule> rules, Kind kind, String regex, Guard... guards) {
    rules.add(rule(kind, regex, true, guards));
  }

  private static Rule rule(Kind kind, String regex, boolean onOriginal, Guard... guards) {
    Set<Guard> set = EnumSet.noneOf(Guard.class);
    set.addAll(List.of(guards));
    int flags = Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return new Rule(kind, Pattern.compile(regex, flags), onOriginal, Set.copyOf(set));
  }

  /**
   * Checks all fields of one post or contract. A field named "title" (any case) also serves as
   * context for the other fields: a post titled "Warsztaty: jak napisać wniosek o dotację" is about
   * grant writing in every sentence.
   *
   * @param fieldsByName field name → text; null or blank texts are skipped
   * @return findings in field order, then in text order; empty when the text does not mention money
   */
  public List<MoneyFinding> check(Map<String, String> fieldsByName) {
    Objects.requireNonNull(fieldsByName, "fieldsByName");
    String title = "";
    for (Map.Entry<String, String> e : fieldsByName.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase("title") && e.getValue() != null) {
        title = TextFolding.fold(e.getValue());
      }
    }
    List<MoneyFinding> findings = new ArrayList<>();
    for (Map.Entry<String, String> e : new LinkedHashMap<>(fieldsByName).entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) {
        findings.addAll(check(e.getKey(), e.getValue(), title));
      }
    }
    return List.copyOf(findings);
  }

  /**
   * Checks one text field.
   *
   * @param field the field name reported in the findings
   * @param text the text as typed; null or blank gives no findings
   */
  public List<MoneyFinding> check(String field, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return check(field, text, "");
  }

  private List<MoneyFinding> check(String field, String text, String foldedTitle) {
    String folded = TextFolding.fold(text);
    String lower = TextFolding.lowerCase(text);
    List<Candidate> candidates = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(rule.onOriginal() ? lower : folded);
      while (m.find()) {
        if (m.end() > m.start() && !guarded(rule, text, folded, m.start(), m.end(), foldedTitle)) {
          candidates.add(new Candidate(m.start(), m.end(), rule.kind()));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt(Candidate::end).reversed())
            .thenComparing(Candidate::kind));
    List<MoneyFinding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int lastEnd = -1;
    for (Candidate c : candidates) {
      if (c.start() < lastEnd) {
        continue; // overlaps a longer or earlier finding
      }
      lastEnd = c.end();
      String fragment = text.substring(c.start(), c.end()).strip();
      if (seen.add(c.kind() + "|" + fragment.toLowerCase(Locale.ROOT))) {
        findings.add(finding(field, fragment, c.kind()));
      }
    }
    return List.copyOf(findings);
  }

  private static MoneyFinding finding(String field, String fragment, Kind kind) {
    if (kind.labelPl == null) {
      return new MoneyFinding(
          field,
          fragment,
          "Wzmianka o pieniądzach: „" + fragment + "”",
          "Mentions money: “" + fragment + "”");
    }
    return new MoneyFinding(
        field,
        fragment,
        "Wzmianka o pieniądzach (" + kind.labelPl + "): „" + fragment + "”",
        "Mentions money (" + kind.labelEn + "): “" + fragment + "”");
  }

  private static boolean guarded(
      Rule rule, String text, String folded, int start, int end, String foldedTitle) {
    if (rule.guards().isEmpty()) {
      return false;
    }
    int[] sentence = sentenceBounds(text, start, end);
    String sentenceText = folded.substring(sentence[0], sentence[1]);
    String before = folded.substring(sentence[0], start);
    for (Guard guard : rule.guards()) {
      boolean hit =
          switch (guard) {
            case NEGATED -> NEGATION_BEFORE.matcher(before).find();
            case IN_KIND -> IN_KIND_CONTEXT.matcher(sentenceText).find();
            case GRANT_WRITING ->
                GRANT_WRITING_CONTEXT.matcher(sentenceText).find()
                    || GRANT_WRITING_CONTEXT.matcher(foldedTitle).find();
            case FUNDED_BY -> fundedBy(before, folded.substring(start, end));
            case EDUCATION ->
                EDUCATION_CONTEXT.matcher(sentenceText).find()
                    || EDUCATION_CONTEXT.matcher(foldedTitle).find();
            case FREE_OF_CHARGE -> FREE_CONTEXT.matcher(sentenceText).find();
            case FRAUD_AWARENESS ->
                FRAUD_CONTEXT.matcher(sentenceText).find()
                    || FRAUD_CONTEXT.matcher(foldedTitle).find();
          };
      if (hit) {
        return true;
      }
    }
    return false;
  }

  /**
   * "dzięki dotacji", "dostaliśmy grant", "z dotacji gminy" (genitive: paid from), but not
   * "pomożemy z dofinansowaniem" (instrumental: help with).
   */
  private static boolean fundedBy(String before, String match) {
    if (FUNDED_BY_BEFORE.matcher(before).find()) {
      return true;
    }
    if (!FROM_BEFORE.matcher(before).find()) {
      return false;
    }
    String firstWord = match.split("[^\\p{L}]+", 2)[0];
    return !INSTRUMENTAL_ENDING.matcher(firstWord).find();
  }

  /**
   * The sentence around [start, end): cut at "!", "?", ";", line breaks, and at "." followed by
   * white space and a capital letter (so "ok. 300 zł" and "tys. złotych" stay in one sentence).
   */
  private static int[] sentenceBounds(String text, int start, int end) {
    int from = 0;
    for (int i = start - 1; i >= 0; i--) {
      if (isSentenceEnd(text, i)) {
        from = i + 1;
        break;
      }
    }
    int to = text.length();
    for (int i = end; i < text.length(); i++) {
      if (isSentenceEnd(text, i)) {
        to = i;
        break;
      }
    }
    return new int[] {from, to};
  }

  private static boolean isSentenceEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r') {
      return true;
    }
    if (c != '.') {
      return false;
    }
    int j = i + 1;
    if (j >= text.length() || !Character.isWhitespace(text.charAt(j))) {
      return j >= text.length();
    }
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j < text.length() && Character.isUpperCase(text.charAt(j));
  }
}
