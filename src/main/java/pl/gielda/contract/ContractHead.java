package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * A fair's registration counter and the hash at the head of its chain. A registration locks this
 * row until it commits, so numbers are gapless and unique even with several app instances, and each
 * record links to the one registered just before it. Never a database sequence: those leave gaps.
 */
@Entity
@Table(name = "fair_contract_head")
public class ContractHead extends PanacheEntityBase {

  @Id
  @Column(name = "fair_id")
  public Long fairId;

  @Column(name = "last_number")
  public int lastNumber;

  @Column(name = "last_hash")
  public String lastHash;

  /** Locks the fair's counter row, creating it on the fair's first registration. */
  static Uni<ContractHead> lock(long fairId) {
    return ContractHead.<ContractHead>findById(fairId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            head ->
                head != null
                    ? Uni.createFrom().item(head)
                    : Panache.getSession()
                        .chain(
                            session ->
                                session
                                    .createNativeQuery(
                                        "insert into fair_contract_head (fair_id) values (:fair)"
                                            + " on conflict do nothing")
                                    .setParameter("fair", fairId)
                                    .executeUpdate())
                        .chain(
                            () ->
                                ContractHead.<ContractHead>findById(
                                    fairId, LockModeType.PESSIMISTIC_WRITE)));
  }
}
