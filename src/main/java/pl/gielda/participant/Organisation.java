package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
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
import java.util.List;

/** An entity (podmiot) taking part in a fair: an NGO, institution, company, group or a resident. */
@Entity
@Table(name = "entity")
public class Organisation extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entity_seq")
  @SequenceGenerator(name = "entity_seq", sequenceName = "entity_seq", allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  public String name;

  @Enumerated(EnumType.STRING)
  public Sector sector;

  public String town;
  public String contact;

  @Column(name = "created_at")
  public Instant createdAt;

  /**
   * False for an entity created by a stranger's self-join until the help desk or the organiser
   * confirms it; entities added by the organiser or the help desk are confirmed at once.
   */
  public boolean confirmed = true;

  @Column(name = "confirmed_by")
  public String confirmedBy;

  @Column(name = "confirmed_at")
  public Instant confirmedAt;

  public static Uni<List<Organisation>> ofFair(long fairId) {
    return list("fairId = ?1 order by lower(name)", fairId);
  }

  public static Uni<Organisation> inFair(long fairId, long id) {
    return find("fairId = ?1 and id = ?2", fairId, id).firstResult();
  }

  public static Uni<Organisation> byName(long fairId, String name) {
    return find("fairId = ?1 and lower(name) = lower(?2)", fairId, name.trim()).firstResult();
  }
}
