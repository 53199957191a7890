package pl.gielda.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time link (hashed) that sets an organiser's new password. */
@Entity
@Table(name = "organiser_password_reset")
public class PasswordReset extends PanacheEntityBase {

  @Id
  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "organiser_id")
  public Long organiserId;

  /** The fellow organiser who asked for it; null when it was printed in the server console. */
  @Column(name = "issued_by")
  public Long issuedBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "expires_at")
  public Instant expiresAt;
}
