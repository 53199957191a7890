package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import pl.gielda.participant.Sector;

/** An entity that is a party to a contract, with its name and sector as they were when written. */
@Entity
@Table(name = "contract_party")
public class ContractParty extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_party_seq")
  @SequenceGenerator(
      name = "contract_party_seq",
      sequenceName = "contract_party_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "contract_id")
  public Long contractId;

  @Column(name = "entity_id")
  public Long entityId;

  public int position;

  @Column(name = "entity_name")
  public String entityName;

  @Enumerated(EnumType.STRING)
  public Sector sector;
}
