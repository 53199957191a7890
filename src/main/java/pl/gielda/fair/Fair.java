package pl.gielda.fair;

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
import jakarta.persistence.Version;
import java.time.Instant;
import pl.gielda.common.error.ApiException;

@Entity
@Table(name = "fair")
public class Fair extends PanacheEntityBase {

  public static final String TIME_ZONE = "Europe/Warsaw";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fair_seq")
  @SequenceGenerator(name = "fair_seq", sequenceName = "fair_seq", allocationSize = 50)
  public Long id;

  @Column(name = "owner_id")
  public Long ownerId;

  public String name;
  public String venue;

  @Column(name = "starts_at")
  public Instant startsAt;

  @Column(name = "ends_at")
  public Instant endsAt;

  @Column(name = "time_zone")
  public String timeZone;

  @Column(name = "join_code")
  public String joinCode;

  @Enumerated(EnumType.STRING)
  public Phase phase;

  @Column(name = "created_at")
  public Instant createdAt;

  @Version public int version;

  public static Uni<Fair> require(long id) {
    return Fair.<Fair>findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("Fair " + id));
  }

  public static Uni<Fair> findByJoinCode(String code) {
    return find("joinCode", code.trim().toUpperCase()).firstResult();
  }

  public void requireOpen() {
    if (!phase.isOpen()) {
      throw notOpen(phase);
    }
  }

  public static ApiException notOpen(Phase phase) {
    return ApiException.conflict(
        "fair-not-open",
        "The fair is " + phase + "; this is possible only during REGISTRATION or LIVE");
  }
}
