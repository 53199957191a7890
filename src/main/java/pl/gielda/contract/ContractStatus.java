package pl.gielda.contract;

/**
 * PROPOSED → (every party signed) SIGNED → (notary) REGISTERED. A notary may return a SIGNED
 * contract (RETURNED: signatures cleared, the parties see the reason and may edit and sign again);
 * a party may withdraw it at any point before registration.
 */
public enum ContractStatus {
  PROPOSED,
  SIGNED,
  RETURNED,
  WITHDRAWN,
  REGISTERED;

  /** The parties may still change, sign or withdraw it. */
  public boolean open() {
    return this == PROPOSED || this == SIGNED || this == RETURNED;
  }
}
