package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import pl.gielda.auth.Role;

/** A person at a fair, representing an entity (or themselves as an individual). */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
  @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "entity_id")
  public Long entityId;

  @Column(name = "display_name")
  public String displayName;

  public String roles;

  /** Bearer secret printed as a QR code; reissuing replaces it and bumps the version. */
  @Column(name = "badge_token")
  public String badgeToken;

  @Column(name = "badge_version")
  public int badgeVersion;

  @Column(name = "checked_in_at")
  public Instant checkedInAt;

  @Column(name = "created_at")
  public Instant createdAt;

  public EnumSet<Role> roleSet() {
    return Role.split(roles);
  }

  public static Uni<List<Person>> ofFair(long fairId) {
    return list("fairId = ?1 order by lower(displayName), id", fairId);
  }

  public static Uni<Person> inFair(long fairId, long id) {
    return find("fairId = ?1 and id = ?2", fairId, id).firstResult();
  }

  public static Uni<Person> byBadge(String token) {
    return find("badgeToken", token).firstResult();
  }
}
