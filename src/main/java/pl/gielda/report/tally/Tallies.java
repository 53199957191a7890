package pl.gielda.report.tally;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import pl.gielda.participant.Sector;

/**
 * A fair's figures as of one number of its event log ({@code seq}). Built either by folding the log
 * ({@link TallyFold}) or from the tables ({@link TallySql}); both go through {@link TallyCounts},
 * so equal inputs give equal records. Money and hours have two decimals; maps and lists are sorted.
 *
 * <p>{@code scope} is {@code full}, or {@code headline} for participants' phones (only {@code seq}
 * and {@code headline} are filled then).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tallies(
    long seq,
    String scope,
    Headline headline,
    Map<Sector, Long> entitiesBySector,
    Map<String, Long> offersByCategory,
    Map<String, Long> requestsByCategory,
    List<CategoryTally> itemsByCategory,
    List<SectorPair> sectorPairs,
    List<TimeBucket> contractsTimeline,
    List<TimeBucket> checkInTimeline,
    FollowUpTally followUp) {

  public static final String FULL = "full";
  public static final String HEADLINE = "headline";

  /** Bucket width of the timelines: ten minutes. */
  public static final long BUCKET_SECONDS = 600;

  /**
   * What the hall's screen shows: people registered and present, entities, active unhidden offers
   * and requests, registered contracts, their items and estimated value.
   */
  public record Headline(
      long people,
      long present,
      long entities,
      long offers,
      long requests,
      long contracts,
      long items,
      BigDecimal valuePln,
      BigDecimal hours) {}

  /** Items of registered contracts in one category, in how many contracts, and their estimate. */
  public record CategoryTally(
      String category, long items, long contracts, BigDecimal valuePln, BigDecimal hours) {}

  /** Items given by entities of sector {@code from} to entities of sector {@code to}. */
  public record SectorPair(
      Sector from, Sector to, long items, BigDecimal valuePln, BigDecimal hours) {}

  /**
   * One ten-minute bucket starting at {@code from}: how many happened in it, and how many up to its
   * end. Empty buckets are left out.
   */
  public record TimeBucket(Instant from, long count, long total) {}

  /**
   * Follow-up: registered contracts by their latest delivery status ({@code NONE}: no follow-up
   * yet), and the items and estimate of the delivered ones.
   */
  public record FollowUpTally(
      Map<String, Long> byStatus,
      long deliveredContracts,
      long deliveredItems,
      BigDecimal deliveredValuePln,
      BigDecimal deliveredHours) {}

  /** The same figures cut to what a participant's phone shows. */
  public Tallies headlineOnly() {
    return new Tallies(seq, HEADLINE, headline, null, null, null, null, null, null, null, null);
  }
}
