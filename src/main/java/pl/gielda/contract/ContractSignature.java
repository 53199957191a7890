package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A party's signature of one exact version of the contract's content. */
@Entity
@Table(name = "contract_signature")
public class ContractSignature extends PanacheEntityBase {

  /** On the person's phone, at the help desk by an animator, or from a paper form. */
  public enum Method {
    PHONE,
    HELP_DESK,
    PAPER
  }

  @Id
  // From the column's default: sign_contract() inserts signatures too (V5).
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "contract_id")
  public Long contractId;

  @Column(name = "entity_id")
  public Long entityId;

  @Column(name = "person_id")
  public Long personId;

  @Column(name = "person_name")
  public String personName;

  @Enumerated(EnumType.STRING)
  public Method method;

  @Column(name = "on_behalf_by")
  public Long onBehalfBy;

  public int version;

  @Column(name = "content_hash")
  public String contentHash;

  @Column(name = "signed_at")
  public Instant signedAt;
}
