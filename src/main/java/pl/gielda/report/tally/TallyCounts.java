package pl.gielda.report.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pl.gielda.participant.Sector;
import pl.gielda.report.tally.Tallies.CategoryTally;
import pl.gielda.report.tally.Tallies.FollowUpTally;
import pl.gielda.report.tally.Tallies.Headline;
import pl.gielda.report.tally.Tallies.SectorPair;
import pl.gielda.report.tally.Tallies.TimeBucket;

/**
 * Collects raw figures and builds {@link Tallies} from them. The fold and the SQL computation both
 * feed one of these, so rounding, ordering and the derived headline are decided in one place.
 */
final class TallyCounts {

  static final List<String> FOLLOW_UP_STATUSES =
      List.of("DELIVERED", "IN_PROGRESS", "NO_CONTACT", "NOT_FEASIBLE");

  private static final class Sums {
    long items;
    long contracts;
    BigDecimal value = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;

    void add(long items, long contracts, BigDecimal value, BigDecimal hours) {
      this.items += items;
      this.contracts += contracts;
      this.value = this.value.add(value == null ? BigDecimal.ZERO : value);
      this.hours = this.hours.add(hours == null ? BigDecimal.ZERO : hours);
    }
  }

  long people;
  long present;
  long contracts;
  private final Map<Sector, Long> entities = new EnumMap<>(Sector.class);
  private final Map<String, Long> offers = new TreeMap<>();
  private final Map<String, Long> requests = new TreeMap<>();
  private final Map<String, Sums> categories = new TreeMap<>();
  private final Map<Sector, Map<Sector, Sums>> pairs = new EnumMap<>(Sector.class);
  private final Map<Long, Long> contractBuckets = new TreeMap<>();
  private final Map<Long, Long> checkInBuckets = new TreeMap<>();
  private final Map<String, Long> followUp = new LinkedHashMap<>();
  private final Sums delivered = new Sums();

  void entities(Sector sector, long n) {
    entities.merge(sector, n, Long::sum);
  }

  void posts(String kind, String category, long n) {
    (kind.equals("OFFER") ? offers : requests).merge(category, n, Long::sum);
  }

  void category(String category, long items, long contracts, BigDecimal value, BigDecimal hours) {
    categories.computeIfAbsent(category, k -> new Sums()).add(items, contracts, value, hours);
  }

  void pair(Sector from, Sector to, long items, BigDecimal value, BigDecimal hours) {
    pairs
        .computeIfAbsent(from, k -> new EnumMap<>(Sector.class))
        .computeIfAbsent(to, k -> new Sums())
        .add(items, 0, value, hours);
  }

  void contractsAt(long bucketStart, long n) {
    contractBuckets.merge(bucketStart, n, Long::sum);
  }

  void checkInsAt(long bucketStart, long n) {
    checkInBuckets.merge(bucketStart, n, Long::sum);
  }

  void followUp(String status, long contracts) {
    followUp.merge(status, contracts, Long::sum);
  }

  void delivered(long contracts, long items, BigDecimal value, BigDecimal hours) {
    delivered.add(items, contracts, value, hours);
  }

  static long bucket(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), Tallies.BUCKET_SECONDS) * Tallies.BUCKET_SECONDS;
  }

  Tallies build(long seq) {
    Map<Sector, Long> bySector = new EnumMap<>(Sector.class);
    for (Sector s : Sector.values()) {
      bySector.put(s, entities.getOrDefault(s, 0L));
    }
    List<CategoryTally> cats = new ArrayList<>();
    Sums all = new Sums();
    categories.forEach(
        (code, s) -> {
          cats.add(new CategoryTally(code, s.items, s.contracts, money(s.value), money(s.hours)));
          all.add(s.items, 0, s.value, s.hours);
        });
    List<SectorPair> matrix = new ArrayList<>();
    for (Sector from : Sector.values()) {
      for (Sector to : Sector.values()) {
        Sums s = pairs.getOrDefault(from, Map.of()).getOrDefault(to, new Sums());
        matrix.add(new SectorPair(from, to, s.items, money(s.value), money(s.hours)));
      }
    }
    Map<String, Long> statuses = new LinkedHashMap<>();
    long followed = 0;
    for (String status : FOLLOW_UP_STATUSES) {
      long n = followUp.getOrDefault(status, 0L);
      statuses.put(status, n);
      followed += n;
    }
    statuses.put("NONE", contracts - followed);
    long offerCount = offers.values().stream().mapToLong(Long::longValue).sum();
    long requestCount = requests.values().stream().mapToLong(Long::longValue).sum();
    long entityCount = bySector.values().stream().mapToLong(Long::longValue).sum();
    return new Tallies(
        seq,
        Tallies.FULL,
        new Headline(
            people,
            present,
            entityCount,
            offerCount,
            requestCount,
            contracts,
            all.items,
            money(all.value),
            money(all.hours)),
        bySector,
        new TreeMap<>(offers),
        new TreeMap<>(requests),
        cats,
        matrix,
        timeline(contractBuckets),
        timeline(checkInBuckets),
        new FollowUpTally(
            statuses,
            delivered.contracts,
            delivered.items,
            money(delivered.value),
            money(delivered.hours)));
  }

  private static List<TimeBucket> timeline(Map<Long, Long> buckets) {
    List<TimeBucket> out = new ArrayList<>();
    long total = 0;
    for (var e : buckets.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      total += e.getValue();
      out.add(new TimeBucket(Instant.ofEpochSecond(e.getKey()), e.getValue(), total));
    }
    return out;
  }

  static BigDecimal money(BigDecimal v) {
    return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
  }
}
