package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of a contract: who gives what to whom, how much, when, and its estimated worth. */
@Entity
@Table(name = "contract_item")
public class ContractItem extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_item_seq")
  @SequenceGenerator(
      name = "contract_item_seq",
      sequenceName = "contract_item_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "contract_id")
  public Long contractId;

  public int position;

  @Column(name = "from_entity_id")
  public Long fromEntityId;

  @Column(name = "to_entity_id")
  public Long toEntityId;

  public String category;
  public String description;
  public String quantity;

  @Column(name = "when_text")
  public String whenText;

  /** Estimated value for reports to funders; never a price. */
  @Column(name = "value_pln")
  public BigDecimal valuePln;

  public BigDecimal hours;
}
