package pl.gielda.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import pl.gielda.contract.money.MoneyFinding;
import pl.gielda.participant.Sector;

public final class ContractDtos {

  private ContractDtos() {}

  /** At most this many parties (three-way and bigger deals exist, but not crowds). */
  public static final int MAX_PARTIES = 10;

  public static final int MAX_ITEMS = 30;

  /**
   * A party, named by exactly one of: its entity, one of its people, or the public partner code
   * read from that person's badge (scanned or typed; used only to find the person).
   */
  public record PartyRef(
      @Min(1) Long entityId,
      @Min(1) Long personId,
      @Size(min = 4, max = 64) @Pattern(regexp = PARTNER_CODE) String partnerCode) {}

  /** A partner code as typed (any case, spaces, dashes) or an old badge's token. */
  static final String PARTNER_CODE = "[A-Za-z0-9_ -]+";

  /**
   * Who gives what to whom. Giver and receiver are named by entity id or by position (0-based) in
   * the contract's party list — the latter when a party came from a scanned badge and its entity id
   * is not known to the phone yet.
   */
  public record ItemInput(
      @Min(1) Long fromEntityId,
      @Min(1) Long toEntityId,
      @Min(0) @Max(MAX_PARTIES - 1) Integer fromParty,
      @Min(0) @Max(MAX_PARTIES - 1) Integer toParty,
      @NotBlank @Size(max = 40) String category,
      @NotBlank @Size(min = 2, max = 500) String description,
      @Size(max = 100) String quantity,
      @Size(max = 200) String when,
      @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
          BigDecimal valuePln,
      @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal hours) {}

  /**
   * A proposal. The proposer's entity (or, at the help desk, the entity of the person in {@code
   * onBehalfOf}) is always the first party; {@code partners} are the others.
   */
  public record ProposeInput(
      @NotNull @Size(min = 1, max = MAX_PARTIES - 1) List<@Valid @NotNull PartyRef> partners,
      @NotNull @Size(min = 1, max = MAX_ITEMS) List<@Valid @NotNull ItemInput> items,
      @Size(max = 120) String title,
      @Size(max = 1000) String notes,
      @Size(max = 20) List<@NotNull @Min(1) Long> postIds,
      Contract.Origin origin,
      @Min(1) Long onBehalfOf,
      Boolean signNow) {}

  /**
   * A change: the whole content again, for the version the editor saw. {@code parties} (all of
   * them, the editor's entity included) may be left out to keep the current ones.
   */
  public record EditInput(
      @NotNull @Min(1) Integer version,
      @Size(min = 2, max = MAX_PARTIES) List<@Valid @NotNull PartyRef> parties,
      @NotNull @Size(min = 1, max = MAX_ITEMS) List<@Valid @NotNull ItemInput> items,
      @Size(max = 120) String title,
      @Size(max = 1000) String notes,
      @Size(max = 20) List<@NotNull @Min(1) Long> postIds,
      @Min(1) Long onBehalfOf) {}

  /** The version and content hash the signer was shown; a stale one is refused. */
  public record SignInput(
      @NotNull @Min(1) Integer version,
      @Size(min = 64, max = 64) @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
      @Min(1) Long onBehalfOf) {}

  public record WithdrawInput(@Size(max = 500) String reason, @Min(1) Long onBehalfOf) {}

  public record ReturnInput(@NotBlank @Size(min = 5, max = 500) String reason) {}

  /** A justification is needed (and recorded) to register a contract the money check stopped. */
  public record RegisterInput(@Size(min = 20, max = 1000) String justification) {}

  /**
   * A signed paper form typed in by a notary: created already signed by the named people (one per
   * party) and registered at once.
   */
  public record PaperInput(
      @NotNull @Size(min = 2, max = MAX_PARTIES) List<@Valid @NotNull PartyRef> parties,
      @NotNull @Size(min = 1, max = MAX_ITEMS) List<@Valid @NotNull ItemInput> items,
      @Size(max = 120) String title,
      @Size(max = 1000) String notes,
      @Size(max = 20) List<@NotNull @Min(1) Long> postIds,
      @NotNull @Size(min = 2, max = MAX_PARTIES) List<@NotNull @Min(1) Long> signatories,
      @Size(min = 20, max = 1000) String justification) {}

  public record LookupInput(
      @NotBlank @Size(min = 4, max = 64) @Pattern(regexp = PARTNER_CODE) String partnerCode) {}

  /** Who a scanned badge belongs to (never the token itself). */
  public record PartnerView(
      long personId, String displayName, long entityId, String entityName, Sector sector) {}

  /**
   * Something the notary should look at: {@code money} (a money finding), {@code no-estimate} (an
   * item without value or hours, needed for the funders' report), {@code gives-nothing} (a party
   * that only receives).
   */
  public record Warning(String code, String field, String messagePl, String messageEn) {}

  public record PartyView(long entityId, String name, Sector sector, boolean signed) {}

  public record ItemView(
      int position,
      long fromEntityId,
      long toEntityId,
      String category,
      String description,
      String quantity,
      String when,
      BigDecimal valuePln,
      BigDecimal hours) {}

  public record SignatureView(
      long entityId,
      long personId,
      String personName,
      ContractSignature.Method method,
      Long onBehalfBy,
      int version,
      String contentHash,
      Instant signedAt) {}

  public record ContractView(
      long id,
      long fairId,
      ContractStatus status,
      Contract.Source source,
      Contract.Origin origin,
      int version,
      String contentHash,
      String title,
      String notes,
      List<Long> postIds,
      List<PartyView> parties,
      List<ItemView> items,
      List<SignatureView> signatures,
      boolean moneyFlagged,
      List<MoneyFinding> moneyFindings,
      List<Warning> warnings,
      Long proposedBy,
      Long proposedOnBehalfBy,
      Instant createdAt,
      Instant updatedAt,
      Instant signedAt,
      String returnedReason,
      Instant returnedAt,
      String withdrawnReason,
      Instant withdrawnAt,
      Integer number,
      Instant registeredAt,
      String registeredByName,
      String moneyJustification,
      String prevHash,
      String recordHash,
      String verifyUrl) {}

  /** What anyone holding a contract's number and hash may learn: whether it is real and intact. */
  public record PublicVerifyView(
      boolean valid,
      Long fairId,
      Integer number,
      String registeredOn,
      List<String> parties,
      String reason) {}
}
