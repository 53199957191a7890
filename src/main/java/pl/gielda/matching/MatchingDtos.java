package pl.gielda.matching;

import jakarta.validation.constraints.Size;
import java.util.List;
import pl.gielda.post.PostDtos.PostView;

public final class MatchingDtos {

  private MatchingDtos() {}

  /** A suggested post with its score, whether it is a good match, and why (in Polish). */
  public record MatchView(PostView post, double score, boolean good, List<String> reasons) {}

  public record PostMatches(PostView post, List<MatchView> matches) {}

  public record LegView(
      long offerId,
      long requestId,
      long giverEntityId,
      String giverName,
      long receiverEntityId,
      String receiverName,
      double score,
      List<String> reasons) {}

  /**
   * A swap or cycle. {@code confidence} is its weakest leg's score (a deal is only as good as its
   * weakest leg); each leg carries the reasons of its match.
   */
  public record DealView(
      String kind,
      List<Long> entityIds,
      List<String> entityNames,
      List<LegView> legs,
      double score,
      double confidence) {}

  public record DealsView(
      List<DealView> swaps,
      List<DealView> cycles,
      List<DealView> plan,
      double planScore,
      boolean planProvenOptimal) {}

  public record HelpInput(@Size(max = 300) String note) {}

  public record HelpView(
      long id,
      long personId,
      String personName,
      long entityId,
      String entityName,
      String note,
      String status,
      String takenBy,
      java.time.Instant createdAt) {}
}
