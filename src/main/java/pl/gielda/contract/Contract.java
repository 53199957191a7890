package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A contract between two or more entities; its parties, items and signatures are rows of their own.
 */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

  /** Made in the app by the parties, or entered by a notary from a signed paper form. */
  public enum Source {
    APP,
    PAPER
  }

  /** How the parties found each other (informative, for reports). */
  public enum Origin {
    DIRECT,
    POST,
    MATCH,
    BADGE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_seq")
  @SequenceGenerator(name = "contract_seq", sequenceName = "contract_seq", allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Enumerated(EnumType.STRING)
  public ContractStatus status;

  @Enumerated(EnumType.STRING)
  public Source source;

  @Enumerated(EnumType.STRING)
  public Origin origin;

  public String title;
  public String notes;

  @Column(name = "post_ids")
  public String postIds;

  public int version;

  @Column(name = "content_hash")
  public String contentHash;

  @Column(name = "money_flagged")
  public boolean moneyFlagged;

  /** The money checker's findings as JSON (a list of MoneyFinding), null when there are none. */
  @Column(name = "money_findings")
  public String moneyFindings;

  @Column(name = "proposed_by")
  public Long proposedBy;

  @Column(name = "proposed_on_behalf_by")
  public Long proposedOnBehalfBy;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "signed_at")
  public Instant signedAt;

  @Column(name = "returned_reason")
  public String returnedReason;

  @Column(name = "returned_by")
  public String returnedBy;

  @Column(name = "returned_at")
  public Instant returnedAt;

  @Column(name = "withdrawn_by")
  public Long withdrawnBy;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "withdrawn_reason")
  public String withdrawnReason;

  public Integer number;

  @Column(name = "registered_at")
  public Instant registeredAt;

  @Column(name = "registered_by")
  public String registeredBy;

  @Column(name = "registered_by_name")
  public String registeredByName;

  @Column(name = "money_justification")
  public String moneyJustification;

  @Column(name = "prev_hash")
  public String prevHash;

  @Column(name = "record_hash")
  public String recordHash;
}
