package pl.gielda.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one-time token (hashed) that lets the first organiser create their account. */
@Entity
@Table(name = "setup_token")
public class SetupToken extends PanacheEntityBase {

  @Id public Integer id;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "created_at")
  public Instant createdAt;
}
