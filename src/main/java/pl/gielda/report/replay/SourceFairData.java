package pl.gielda.report.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The source fair (Tczew county, 2010: 157 people from 78 entities signed 101 contracts) as
 * deterministic demo data: the same seed always gives the same entities, people, posts and
 * contracts. Names are plausible for the county; businesses and people are invented.
 */
public final class SourceFairData {

  public static final int ENTITIES = 78;
  public static final int PEOPLE = 157;
  public static final int CONTRACTS = 101;

  public record EntitySpec(String name, String sector, String town) {}

  /** {@code entity} indexes {@link #entities}; the first person of entity 0 is the notary. */
  public record PersonSpec(String name, int entity, boolean notary) {}

  public record PostSpec(int entity, String kind, String category, String title) {}

  public record ItemSpec(
      int from,
      int to,
      String category,
      String description,
      BigDecimal valuePln,
      BigDecimal hours) {}

  /** {@code parties}: entity indexes, the proposer's first. */
  public record ContractSpec(List<Integer> parties, List<ItemSpec> items) {}

  public final List<EntitySpec> entities = new ArrayList<>();
  public final List<PersonSpec> people = new ArrayList<>();
  public final List<PostSpec> posts = new ArrayList<>();
  public final List<ContractSpec> contracts = new ArrayList<>();

  private static final String[] TOWNS = {
    "Tczew",
    "Tczew",
    "Tczew",
    "Gniew",
    "Pelplin",
    "Subkowy",
    "Morzeszczyn",
    "Rokitki",
    "Miłobądz",
    "Swarożyn",
    "Turze",
    "Gorzędziej"
  };

  private static final String[][] PUBLIC = {
    {"Starostwo Powiatowe w Tczewie", "Tczew"},
    {"Urząd Miejski w Tczewie", "Tczew"},
    {"Urząd Gminy Tczew", "Tczew"},
    {"Urząd Miasta i Gminy Gniew", "Gniew"},
    {"Urząd Miasta i Gminy Pelplin", "Pelplin"},
    {"Urząd Gminy Subkowy", "Subkowy"},
    {"Urząd Gminy Morzeszczyn", "Morzeszczyn"},
    {"Powiatowy Urząd Pracy w Tczewie", "Tczew"},
    {"Miejski Ośrodek Pomocy Społecznej w Tczewie", "Tczew"},
    {"Powiatowe Centrum Pomocy Rodzinie w Tczewie", "Tczew"},
    {"Centrum Kultury i Sztuki w Tczewie", "Tczew"},
    {"Miejska Biblioteka Publiczna w Tczewie", "Tczew"},
    {"Zespół Szkół Ekonomicznych w Tczewie", "Tczew"},
    {"Szkoła Podstawowa nr 5 w Tczewie", "Tczew"},
    {"Gminny Ośrodek Kultury w Subkowach", "Subkowy"},
    {"Ośrodek Sportu i Rekreacji w Gniewie", "Gniew"},
  };

  private static final String[][] NGO = {
    {"Fundacja Pokolenia", "Tczew"},
    {"Towarzystwo Miłośników Ziemi Tczewskiej", "Tczew"},
    {"Stowarzyszenie Przyjaciół Ziemi Gniewskiej", "Gniew"},
    {"Stowarzyszenie Uniwersytet Trzeciego Wieku w Tczewie", "Tczew"},
    {"Kociewskie Stowarzyszenie Wspierania Przedsiębiorczości", "Tczew"},
    {"Ochotnicza Straż Pożarna w Pelplinie", "Pelplin"},
    {"Ochotnicza Straż Pożarna w Subkowach", "Subkowy"},
    {"Klub Sportowy „Wisła” Tczew", "Tczew"},
    {"Uczniowski Klub Sportowy „Delfin” Tczew", "Tczew"},
    {"Polski Związek Niewidomych, Koło w Tczewie", "Tczew"},
    {"Polskie Towarzystwo Turystyczno-Krajoznawcze, Oddział Tczew", "Tczew"},
    {"Związek Harcerstwa Polskiego, Hufiec Tczew", "Tczew"},
    {"Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”", "Tczew"},
    {"Fundacja Kociewska Szansa", "Pelplin"},
    {"Stowarzyszenie Kobiet Aktywnych „Kociewianki”", "Morzeszczyn"},
    {"Stowarzyszenie Rozwoju Wsi Rokitki", "Rokitki"},
    {"Towarzystwo Przyjaciół Dzieci, Oddział w Tczewie", "Tczew"},
    {"Caritas przy parafii w Gniewie", "Gniew"},
    {"Stowarzyszenie Muzyczne „Kociewskie Nuty”", "Tczew"},
    {"Fundacja Ekologiczna „Zielona Wisła”", "Tczew"},
    {"Stowarzyszenie Historyczne „Dawny Tczew”", "Tczew"},
    {"Lokalna Grupa Działania „Wstęga Kociewia”", "Pelplin"},
    {"Stowarzyszenie Rodziców i Przyjaciół Szkoły w Turzu", "Turze"},
    {"Klub Seniora „Pogodna Jesień” w Pelplinie", "Pelplin"},
    {"Stowarzyszenie Miłośników Kolei w Tczewie", "Tczew"},
    {"Fundacja „Dom Sąsiedzki”", "Tczew"},
    {"Stowarzyszenie Teatralne „Scena Kociewie”", "Gniew"},
    {"Towarzystwo Sportowe „Wierzyca” Pelplin", "Pelplin"},
    {"Stowarzyszenie „Bractwo Rycerskie Zamku Gniew”", "Gniew"},
    {"Polski Czerwony Krzyż, Oddział Rejonowy w Tczewie", "Tczew"},
  };

  private static final String[][] BUSINESS = {
    {"Bank Spółdzielczy w Tczewie", "Tczew"},
    {"Piekarnia „Złoty Kłos”", "Tczew"},
    {"Drukarnia „Kociewie Print”", "Tczew"},
    {"Hotel „Nad Wisłą”", "Tczew"},
    {"Restauracja „Pod Zamkiem”", "Gniew"},
    {"Eko-Serwis Tczew sp. z o.o.", "Tczew"},
    {"Auto-Trans Gniew", "Gniew"},
    {"Serwis Komputerowy „Bajt”", "Pelplin"},
    {"Kwiaciarnia „Róża”", "Tczew"},
    {"Studio Fotograficzne „Kadr”", "Tczew"},
    {"Przedsiębiorstwo Budowlane „Mur-Bud”", "Subkowy"},
    {"Gospodarstwo Agroturystyczne „Pod Lipami”", "Miłobądz"},
    {"Cukiernia „Słodki Kącik”", "Pelplin"},
    {"Biuro Rachunkowe „Bilans”", "Tczew"},
    {"Agencja Reklamowa „Pomysł”", "Tczew"},
    {"Szkoła Językowa „Lingua”", "Tczew"},
  };

  private static final String[][] INFORMAL = {
    {"Koło Gospodyń Wiejskich w Rokitkach", "Rokitki"},
    {"Grupa rowerowa „Kociewskie Szprychy”", "Tczew"},
    {"Młodzieżowa grupa „Zielony Tczew”", "Tczew"},
    {"Zespół ludowy „Gniewskie Kwiaty”", "Gniew"},
    {"Grupa sąsiedzka osiedla Suchostrzygi", "Tczew"},
    {"Chór parafialny „Cantate” w Pelplinie", "Pelplin"},
  };

  private static final String[] MEN = {
    "Jan",
    "Piotr",
    "Krzysztof",
    "Andrzej",
    "Tomasz",
    "Paweł",
    "Michał",
    "Marcin",
    "Łukasz",
    "Grzegorz",
    "Józef",
    "Zbigniew",
    "Jerzy",
    "Mirosław",
    "Wojciech",
    "Sławomir"
  };
  private static final String[] WOMEN = {
    "Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Elżbieta",
    "Joanna", "Magdalena", "Beata", "Dorota", "Jadwiga", "Grażyna", "Halina", "Żaneta"
  };

  /** Surnames as {male, female}. */
  private static final String[][] SURNAMES = {
    {"Kowalski", "Kowalska"},
    {"Nowak", "Nowak"},
    {"Wiśniewski", "Wiśniewska"},
    {"Wójcik", "Wójcik"},
    {"Kamiński", "Kamińska"},
    {"Lewandowski", "Lewandowska"},
    {"Zieliński", "Zielińska"},
    {"Szymański", "Szymańska"},
    {"Dąbrowski", "Dąbrowska"},
    {"Kozłowski", "Kozłowska"},
    {"Jankowski", "Jankowska"},
    {"Mazur", "Mazur"},
    {"Kwiatkowski", "Kwiatkowska"},
    {"Krawczyk", "Krawczyk"},
    {"Piotrowski", "Piotrowska"},
    {"Grabowski", "Grabowska"},
    {"Pawłowski", "Pawłowska"},
    {"Michalski", "Michalska"},
    {"Zając", "Zając"},
    {"Król", "Król"},
    {"Wieczorek", "Wieczorek"},
    {"Jabłoński", "Jabłońska"},
    {"Wróbel", "Wróbel"},
    {"Majewski", "Majewska"},
    {"Olszewski", "Olszewska"},
    {"Stępień", "Stępień"},
    {"Malinowski", "Malinowska"},
    {"Jaworski", "Jaworska"},
    {"Górski", "Górska"},
    {"Rutkowski", "Rutkowska"},
    {"Sikora", "Sikora"},
    {"Kołodziej", "Kołodziej"},
    {"Ostrowski", "Ostrowska"},
    {"Bielecki", "Bielecka"},
    {"Kaszubowski", "Kaszubowska"},
    {"Formela", "Formela"},
    {"Gliszczyński", "Gliszczyńska"},
    {"Szczepański", "Szczepańska"},
    {"Żurawski", "Żurawska"},
    {"Lipiński", "Lipińska"}
  };

  /** Categories weighted as the source fair's "most exchanged" list, with ways to say them. */
  private static final Object[][] CATEGORIES = {
    {
      "ROOMS",
      14,
      new String[] {
        "sala na spotkania",
        "sala gimnastyczna na zajęcia",
        "świetlica na warsztaty",
        "pomieszczenie na próby zespołu",
        "sala konferencyjna na szkolenie"
      }
    },
    {
      "PROMOTION",
      13,
      new String[] {
        "promocja w lokalnej gazecie",
        "wpisy w mediach społecznościowych",
        "plakaty w witrynie",
        "informacja na stronie internetowej",
        "ogłoszenie na tablicy osiedlowej"
      }
    },
    {
      "VOLUNTEERS",
      12,
      new String[] {
        "wolontariusze na festyn",
        "pomoc przy organizacji pikniku",
        "opieka nad dziećmi podczas zebrania",
        "pomoc przy sprzątaniu parku",
        "wolontariusze na zbiórkę żywności"
      }
    },
    {
      "CATERING",
      11,
      new String[] {
        "poczęstunek na spotkanie",
        "ciasto na festyn",
        "kawa i herbata na szkolenie",
        "obiad dla wolontariuszy",
        "kanapki na rajd rowerowy"
      }
    },
    {
      "EQUIPMENT",
      10,
      new String[] {
        "nagłośnienie na imprezę",
        "rzutnik i ekran",
        "namiot plenerowy",
        "stoły i krzesła",
        "aparat fotograficzny na wydarzenie"
      }
    },
    {
      "IT_SERVICES",
      8,
      new String[] {
        "przegląd komputerów",
        "pomoc przy stronie internetowej",
        "konfiguracja sieci Wi-Fi",
        "instalacja programów biurowych"
      }
    },
    {
      "ART_CLASSES",
      7,
      new String[] {
        "zajęcia plastyczne dla dzieci", "warsztaty ceramiki", "zajęcia z malarstwa dla seniorów"
      }
    },
    {
      "TRAINING",
      7,
      new String[] {
        "szkolenie z pierwszej pomocy",
        "szkolenie z pisania wniosków",
        "szkolenie z obsługi komputera dla seniorów"
      }
    },
    {
      "WORKSHOPS",
      7,
      new String[] {
        "warsztaty kulinarne", "warsztaty fotograficzne", "warsztaty teatralne dla młodzieży"
      }
    },
    {
      "ADVICE",
      4,
      new String[] {"konsultacja statutu stowarzyszenia", "porada przy zakładaniu fundacji"}
    },
    {"TRANSPORT", 4, new String[] {"przewóz uczestników busem", "transport sprzętu na festyn"}},
    {"PRINTING", 3, new String[] {"druk ulotek", "wydruk plakatów", "druk dyplomów"}},
  };

  private static final Set<String> HOURLY =
      Set.of("VOLUNTEERS", "IT_SERVICES", "ART_CLASSES", "TRAINING", "WORKSHOPS", "ADVICE");

  private final Random random;

  /** Person names in use: unique, so a roster import never takes two people for one. */
  private final Set<String> names = new LinkedHashSet<>();

  public SourceFairData(long seed) {
    random = new Random(seed);
    entities();
    people();
    posts();
    contracts();
  }

  private void entities() {
    for (String[] e : PUBLIC) {
      entities.add(new EntitySpec(e[0], "PUBLIC", e[1]));
    }
    for (String[] e : NGO) {
      entities.add(new EntitySpec(e[0], "NGO", e[1]));
    }
    for (String[] e : BUSINESS) {
      entities.add(new EntitySpec(e[0], "BUSINESS", e[1]));
    }
    for (String[] e : INFORMAL) {
      entities.add(new EntitySpec(e[0], "INFORMAL_GROUP", e[1]));
    }
    while (entities.size() < ENTITIES) {
      String name = personName();
      if (names.add(name)) {
        entities.add(new EntitySpec(name, "INDIVIDUAL", TOWNS[random.nextInt(TOWNS.length)]));
      }
    }
  }

  private void people() {
    int[] count = new int[ENTITIES];
    for (int i = 0; i < ENTITIES; i++) {
      count[i] = 1;
    }
    int extra = PEOPLE - ENTITIES;
    while (extra > 0) {
      int e = random.nextInt(ENTITIES);
      if (!entities.get(e).sector().equals("INDIVIDUAL") && count[e] < 4) {
        count[e]++;
        extra--;
      }
    }
    for (int e = 0; e < ENTITIES; e++) {
      for (int k = 0; k < count[e]; k++) {
        String name =
            entities.get(e).sector().equals("INDIVIDUAL") ? entities.get(e).name() : newName();
        people.add(new PersonSpec(name, e, e == 0 && k == 0));
      }
    }
  }

  private void posts() {
    for (int e = 0; e < ENTITIES; e++) {
      int n = 1 + random.nextInt(2);
      for (int k = 0; k < n; k++) {
        String category = category();
        String kind = random.nextInt(3) == 0 ? "REQUEST" : "OFFER";
        posts.add(new PostSpec(e, kind, category, capitalise(description(category))));
      }
    }
  }

  private void contracts() {
    for (int c = 0; c < CONTRACTS; c++) {
      int a = random.nextInt(ENTITIES);
      int b = other(a, -1);
      List<Integer> parties = new ArrayList<>(List.of(a, b));
      if (random.nextInt(10) == 0) {
        parties.add(other(a, b));
      }
      List<ItemSpec> items = new ArrayList<>();
      for (int i = 0; i < parties.size(); i++) {
        int from = parties.get(i);
        int to = parties.get((i + 1) % parties.size());
        int gifts = random.nextInt(4) == 0 ? 2 : 1;
        for (int g = 0; g < gifts; g++) {
          items.add(item(from, to));
        }
      }
      contracts.add(new ContractSpec(parties, items));
    }
  }

  private ItemSpec item(int from, int to) {
    String category = category();
    BigDecimal value = BigDecimal.valueOf(50L + 10L * random.nextInt(150)).setScale(2);
    BigDecimal hours =
        HOURLY.contains(category) ? BigDecimal.valueOf(1 + random.nextInt(16)).setScale(1) : null;
    return new ItemSpec(from, to, category, description(category), value, hours);
  }

  private int other(int a, int b) {
    int x;
    do {
      x = random.nextInt(ENTITIES);
    } while (x == a || x == b);
    return x;
  }

  private String category() {
    int total = 0;
    for (Object[] c : CATEGORIES) {
      total += (Integer) c[1];
    }
    int pick = random.nextInt(total);
    for (Object[] c : CATEGORIES) {
      pick -= (Integer) c[1];
      if (pick < 0) {
        return (String) c[0];
      }
    }
    throw new IllegalStateException();
  }

  private String description(String category) {
    for (Object[] c : CATEGORIES) {
      if (c[0].equals(category)) {
        String[] ways = (String[]) c[2];
        return ways[random.nextInt(ways.length)];
      }
    }
    throw new IllegalArgumentException(category);
  }

  private String newName() {
    String name;
    do {
      name = personName();
    } while (!names.add(name));
    return name;
  }

  /** The roster as the organiser would import it: semicolons, every field quoted. */
  public String rosterCsv() {
    StringBuilder sb = new StringBuilder("podmiot;sektor;miejscowość;osoba;role\r\n");
    for (PersonSpec p : people) {
      EntitySpec e = entities.get(p.entity());
      sb.append(q(e.name()))
          .append(';')
          .append(q(e.sector()))
          .append(';')
          .append(q(e.town()))
          .append(';')
          .append(q(p.name()))
          .append(';')
          .append(q(p.notary() ? "uczestnik|notariusz" : "uczestnik"))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String q(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private String personName() {
    String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
    return random.nextBoolean()
        ? MEN[random.nextInt(MEN.length)] + " " + surname[0]
        : WOMEN[random.nextInt(WOMEN.length)] + " " + surname[1];
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
