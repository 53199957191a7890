package pl.gielda.matching;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person waiting for a broker's help on the floor. */
@Entity
@Table(name = "help_request")
public class HelpRequest extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "help_request_seq")
  @SequenceGenerator(
      name = "help_request_seq",
      sequenceName = "help_request_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "person_id")
  public Long personId;

  @Column(name = "entity_id")
  public Long entityId;

  public String note;
  public String status;

  @Column(name = "taken_by")
  public Long takenBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
