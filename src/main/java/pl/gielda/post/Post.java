package pl.gielda.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An offer or a request on the fair's boards. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {

  public enum Status {
    ACTIVE,
    WITHDRAWN
  }

  @Id
  // From the column's default: create_post() inserts posts too (V12).
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "entity_id")
  public Long entityId;

  @Column(name = "author_id")
  public Long authorId;

  /** The animator who posted for a person without a phone. */
  @Column(name = "on_behalf_by")
  public Long onBehalfBy;

  @Enumerated(EnumType.STRING)
  public PostKind kind;

  public String category;
  public String title;
  public String description;
  public String quantity;
  public String availability;
  public String town;

  @Column(name = "value_pln")
  public BigDecimal valuePln;

  public BigDecimal hours;

  @Enumerated(EnumType.STRING)
  public Status status;

  public boolean hidden;

  @Column(name = "hidden_reason")
  public String hiddenReason;

  public int version;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  public boolean visibleOnBoards() {
    return status == Status.ACTIVE && !hidden;
  }
}
