package pl.gielda.report.followup;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import pl.gielda.participant.Sector;
import pl.gielda.report.followup.FollowUp.Status;

public final class FollowUpDtos {

  private FollowUpDtos() {}

  /** {@code date}: when the status became true (default: today in Europe/Warsaw). */
  public record FollowUpInput(
      @NotNull Status status, LocalDate date, @Size(max = 1000) String note) {}

  public record FollowUpView(
      long id,
      long contractId,
      int version,
      Status status,
      String statusPl,
      LocalDate date,
      String note,
      String setByName,
      Long personId,
      Long entityId,
      Instant createdAt) {}

  /** A registered contract nobody has reported on for a while. */
  public record StaleContract(
      long contractId,
      int number,
      String title,
      List<String> parties,
      Instant registeredAt,
      Status lastStatus,
      Instant lastUpdateAt,
      long daysSinceUpdate) {}

  /** Value given and received (items of registered contracts, or of delivered ones only). */
  public record Balance(
      long givenItems,
      BigDecimal givenPln,
      BigDecimal givenHours,
      long receivedItems,
      BigDecimal receivedPln,
      BigDecimal receivedHours,
      BigDecimal balancePln) {}

  public record EntityBalance(long entityId, String name, Sector sector, Balance balance) {}

  public record SectorBalance(Sector sector, Balance balance) {}

  public record BalanceView(
      long fairId,
      boolean deliveredOnly,
      List<EntityBalance> entities,
      List<SectorBalance> sectors) {}
}
