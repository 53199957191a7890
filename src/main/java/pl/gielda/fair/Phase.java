package pl.gielda.fair;

/** A fair only moves forward: DRAFT → REGISTRATION → LIVE → CLOSED. */
public enum Phase {
  DRAFT,
  REGISTRATION,
  LIVE,
  CLOSED;

  public boolean canMoveTo(Phase next) {
    return next.ordinal() == ordinal() + 1;
  }

  /** People may join and post only while the fair is open. */
  public boolean isOpen() {
    return this == REGISTRATION || this == LIVE;
  }
}
