package pl.gielda.auth;

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

@Entity
@Table(name = "organiser")
public class Organiser extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organiser_seq")
  @SequenceGenerator(name = "organiser_seq", sequenceName = "organiser_seq", allocationSize = 50)
  public Long id;

  public String email;

  @Column(name = "display_name")
  public String displayName;

  @Column(name = "password_hash")
  public String passwordHash;

  @Column(name = "created_at")
  public Instant createdAt;

  public static Uni<Organiser> findByEmail(String email) {
    return find("lower(email) = lower(?1)", email.trim()).firstResult();
  }
}
