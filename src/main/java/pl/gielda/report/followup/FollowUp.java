package pl.gielda.report.followup;

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
import java.time.LocalDate;

/** One entry of a registered contract's delivery history; the highest version is current. */
@Entity
@Table(name = "contract_follow_up")
public class FollowUp extends PanacheEntityBase {

  /** zrealizowany / w trakcie / brak kontaktu / niewykonalny. */
  public enum Status {
    DELIVERED,
    IN_PROGRESS,
    NO_CONTACT,
    NOT_FEASIBLE;

    /** Nothing more to chase. */
    public boolean settled() {
      return this == DELIVERED || this == NOT_FEASIBLE;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_follow_up_seq")
  @SequenceGenerator(
      name = "contract_follow_up_seq",
      sequenceName = "contract_follow_up_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "contract_id")
  public Long contractId;

  /** 1, 2, … per contract, taken under the contract's row lock (so also in log order). */
  public int version;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "status_date")
  public LocalDate statusDate;

  public String note;

  @Column(name = "set_by")
  public String setBy;

  @Column(name = "set_by_name")
  public String setByName;

  @Column(name = "person_id")
  public Long personId;

  @Column(name = "entity_id")
  public Long entityId;

  @Column(name = "created_at")
  public Instant createdAt;
}
