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

  /**
   * The sign-in secret, given to the person alone (the badge's tear-off part, the help desk); never
   * printed on the badge's face. Reissuing replaces it and bumps the version.
   */
  @Column(name = "badge_token")
  public String signInSecret;

  /** Public: printed under the badge's QR, scanned by partners and the help desk. */
  @Column(name = "partner_code")
  public String partnerCode;

  /** SHA-256 of the key of the phone the secret is bound to; null until its first sign-in. */
  @Column(name = "device_key_hash")
  public String deviceKeyHash;

  @Column(name = "device_bound_at")
  public Instant deviceBoundAt;

  /** Printed before partner codes existed: its face shows the secret (see SECURITY.md). */
  @Column(name = "legacy_badge")
  public boolean legacyBadge;

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

  /** The person a scanned or typed partner code names in this fair, or null. */
  public static Uni<Person> byPartnerCode(long fairId, String scanned) {
    String code = PartnerCodes.normalise(scanned);
    return Person.<Person>find("fairId = ?1 and partnerCode = ?2", fairId, code)
        .firstResult()
        .chain(
            p ->
                p != null || !PartnerCodes.mayBeLegacyBadge(scanned)
                    ? Uni.createFrom().item(p)
                    // A badge printed before partner codes shows its secret: partners who scan
                    // it still find the person, and it signs nobody in but its bound phone.
                    : Person.<Person>find(
                            "fairId = ?1 and signInSecret = ?2 and legacyBadge = true",
                            fairId,
                            scanned.trim())
                        .firstResult());
  }
}
