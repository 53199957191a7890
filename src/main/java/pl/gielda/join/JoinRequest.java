package pl.gielda.join;

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
 * Someone asked to act for an existing entity. Until a member, the help desk or the organiser lets
 * them in, they are no member at all: no person row, no badge, only a newcomer's read-only token.
 */
@Entity
@Table(name = "join_request")
public class JoinRequest extends PanacheEntityBase {

  public enum Status {
    PENDING,
    APPROVED,
    REJECTED,
    /** Never stored: a PENDING request past its deadline. */
    EXPIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "join_request_seq")
  @SequenceGenerator(
      name = "join_request_seq",
      sequenceName = "join_request_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "entity_id")
  public Long entityId;

  @Column(name = "display_name")
  public String displayName;

  @Enumerated(EnumType.STRING)
  public Status status;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  /** The member the newcomer became on approval. */
  @Column(name = "person_id")
  public Long personId;

  /** The status as callers see it: a pending request past its deadline is expired. */
  public Status statusAt(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }
}
