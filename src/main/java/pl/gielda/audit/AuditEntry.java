package pl.gielda.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One privileged action: who, when, what, to which subject, on which app instance. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public Instant at;

  @Column(name = "fair_id")
  public Long fairId;

  /** The caller's principal ({@code O:1}, {@code P:42}). */
  public String actor;

  @Column(name = "actor_roles")
  public String actorRoles;

  public String action;

  @Column(name = "subject_type")
  public String subjectType;

  @Column(name = "subject_id")
  public Long subjectId;

  /** JSON: what changed (roles before and after, the reason, the justification…). */
  public String detail;

  public String instance;
}
