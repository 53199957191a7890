package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A read-only link for the hall's big screen, created by a notary or organiser. */
@Entity
@Table(name = "screen_link")
public class ScreenLink extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "screen_link_seq")
  @SequenceGenerator(
      name = "screen_link_seq",
      sequenceName = "screen_link_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  public String token;

  @Column(name = "created_by")
  public String createdBy;

  public boolean revoked;

  @Column(name = "created_at")
  public Instant createdAt;
}
