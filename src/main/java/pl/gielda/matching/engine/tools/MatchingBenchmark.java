package pl.gielda.matching.engine.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import pl.gielda.matching.engine.DealPlan;
import pl.gielda.matching.engine.MatchPost;
import pl.gielda.matching.engine.MatchingEngine;

/**
 * Benchmarks on synthetic posts: p50/p99 latency of upsert + suggestions for one new post with 1k
 * and 10k open posts (and of suggestions for a post already open), and the time of the optimal deal
 * set for 100 and 1,000 entities. Prints the numbers; asserts nothing.
 */
public final class MatchingBenchmark {

  private static final String[] CATEGORIES = {
    "ROOMS",
    "VOLUNTEERS",
    "EQUIPMENT",
    "TRANSPORT",
    "WORKSHOPS",
    "TRAINING",
    "PROMOTION",
    "IT_SERVICES",
    "ARTS",
    "CATERING",
    "PRINTING",
    "ADVICE",
    "OTHER"
  };
  private static final String[][] THINGS = {
    {"sala na spotkania", "salę na warsztaty", "sali z rzutnikiem", "pomieszczenia na próby"},
    {"wolontariuszy na festyn", "pomocników przy imprezie", "harcerzy do sprzątania"},
    {"projektor i ekran", "nagłośnienie z mikrofonem", "namioty i ławki", "krzesła i stoły"},
    {"busa z kierowcą", "auta dostawczego", "przewozu sprzętu", "podwózki seniorów"},
    {"warsztaty rękodzieła", "zajęcia plastyczne", "warsztaty piernikowe", "kurs fotografii"},
    {"szkolenie z pierwszej pomocy", "szkolenie RODO", "kurs obsługi smartfona"},
    {"promocję wydarzenia", "plakaty i ulotki", "ogłoszenie w radiu", "post na fb"},
    {"pomoc IT", "naprawę laptopa", "konfigurację wifi", "stronę www"},
    {"spektakl dla dzieci", "koncert chóru", "malowanie twarzy", "pokaz rycerski"},
    {"poczęstunek", "ciasta domowe", "obiad dla 30 osób", "kawę i herbatę"},
    {"druk plakatów", "wydruk dyplomów", "baner na siatce"},
    {"poradę prawną", "konsultacje księgowe", "pomoc ze statutem"},
    {"ubranka dla dzieci", "materiały budowlane", "tłumaczenie ulotki"}
  };
  private static final String[] TOWNS = {
    "Tczew", "Pelplin", "Gniew", "Subkowy", "Morzeszczyn", "Czarlin", "Rokitki", "Turze"
  };
  private static final String[] WHEN = {
    "weekendy",
    "pon–pt przed południem",
    "soboty",
    "w tygodniu po 16",
    "wieczorem",
    null,
    "lipiec–sierpień",
    "środa rano"
  };
  private static final String[] FILLER = {
    "dla dzieci z gminy", "na festyn rodzinny", "dla seniorów", "na jubileusz koła",
    "dla młodzieży", "na spotkanie mieszkańców", "przy świetlicy", "w ramach projektu"
  };

  private MatchingBenchmark() {}

  public static void main(String[] args) {
    System.out.println("Giełda matching engine benchmark (synthetic posts)");
    for (int open : new int[] {1_000, 10_000}) {
      upsertLatency(open, 500);
    }
    for (int entities : new int[] {100, 1_000}) {
      dealTime(entities);
    }
  }

  /**
   * A random post about one of {@code topics} topics. A topic is a category, a thing from that
   * category and a code word, so that, as at a real fair, a request has a few strong matches (same
   * topic), more weaker ones (same thing or category) and many unrelated posts.
   */
  static MatchPost randomPost(
      Random rnd, String id, String entity, MatchPost.Kind kind, int topics) {
    int topic = rnd.nextInt(topics);
    Random t = new Random(topic * 7919L);
    int cat = t.nextInt(CATEGORIES.length);
    String thing = THINGS[cat][t.nextInt(THINGS[cat].length)];
    String code = "temat" + Integer.toString(topic, 36) + "x";
    String verb = kind == MatchPost.Kind.OFFER ? "Udostępnimy" : "Szukamy";
    String title =
        (kind == MatchPost.Kind.OFFER ? "Oferujemy " : "Potrzebne ") + thing + " " + code;
    String description =
        verb
            + " "
            + thing
            + " "
            + FILLER[rnd.nextInt(FILLER.length)]
            + ", "
            + FILLER[rnd.nextInt(FILLER.length)]
            + ". Kontakt przy stoisku.";
    return new MatchPost(
        id,
        entity,
        kind,
        CATEGORIES[cat],
        title,
        description,
        (5 + rnd.nextInt(40)) + " osób",
        WHEN[rnd.nextInt(WHEN.length)],
        TOWNS[rnd.nextInt(TOWNS.length)]);
  }

  static void upsertLatency(int open, int samples) {
    Random rnd = new Random(42);
    MatchingEngine engine = new MatchingEngine();
    int entities = Math.max(10, open / 4);
    int topics = open / 3;
    for (int i = 0; i < open; i++) {
      engine.upsert(
          randomPost(
              rnd,
              "p" + i,
              "e" + rnd.nextInt(entities),
              rnd.nextBoolean() ? MatchPost.Kind.OFFER : MatchPost.Kind.REQUEST,
              topics));
    }
    // Warm up the JIT, then measure.
    for (int i = 0; i < 300; i++) {
      String id = "w" + i;
      engine.upsert(
          randomPost(rnd, id, "e" + rnd.nextInt(entities), MatchPost.Kind.REQUEST, topics));
      engine.suggestionsFor(id, 10);
      engine.remove(id);
    }
    long[] nanos = new long[samples];
    long[] cpu = new long[samples];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < samples; i++) {
      String id = "n" + i;
      MatchPost p =
          randomPost(
              rnd,
              id,
              "e" + rnd.nextInt(entities),
              i % 2 == 0 ? MatchPost.Kind.OFFER : MatchPost.Kind.REQUEST,
              topics);
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      engine.upsert(p);
      engine.suggestionsFor(id, 10);
      nanos[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
      engine.remove(id);
    }
    report("upsert + suggestions(10)", open, nanos);
    // On a machine shared with other work, wall time includes waiting for a core; the thread's
    // own CPU time is the engine's work.
    report("  same, thread CPU time", open, cpu);
    // Suggestions of posts already open are computed when asked for (from their deal-graph edges,
    // or by a pruned scan), not kept: time that too.
    for (int i = 0; i < samples; i++) {
      String id = "p" + rnd.nextInt(open);
      long t0 = System.nanoTime();
      engine.suggestionsFor(id, 10);
      nanos[i] = System.nanoTime() - t0;
    }
    report("suggestions(10) of an open post", open, nanos);
  }

  private static void report(String what, int open, long[] nanos) {
    int samples = nanos.length;
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%s with %,d open posts: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        what,
        open,
        nanos[samples / 2] / 1e6,
        nanos[(int) Math.ceil(samples * 0.99) - 1] / 1e6,
        nanos[samples - 1] / 1e6);
  }

  static void dealTime(int entities) {
    Random rnd = new Random(7);
    MatchingEngine engine = new MatchingEngine();
    List<MatchPost> posts = new ArrayList<>();
    int id = 0;
    int topics = entities * 4 / 3;
    for (int e = 0; e < entities; e++) {
      for (int k = 0; k < 2; k++) {
        posts.add(randomPost(rnd, "p" + id++, "e" + e, MatchPost.Kind.OFFER, topics));
        posts.add(randomPost(rnd, "p" + id++, "e" + e, MatchPost.Kind.REQUEST, topics));
      }
    }
    posts.forEach(engine::upsert);
    long t0 = System.nanoTime();
    int swaps = engine.swaps().size();
    int cycles = engine.cycles().size();
    long t1 = System.nanoTime();
    DealPlan plan = engine.optimalDeals();
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "%,d entities (%,d posts): %,d swaps + %,d cycles found in %.0f ms; optimal deal set"
            + " (%d swaps + %d cycles, total %.2f, proven optimal %s, upper bound %.2f) in %.0f"
            + " ms%n",
        entities,
        posts.size(),
        swaps,
        cycles,
        (t1 - t0) / 1e6,
        plan.swaps().size(),
        plan.cycles().size(),
        plan.totalScore(),
        plan.provenOptimal(),
        plan.upperBound(),
        (t2 - t1) / 1e6);
  }
}
