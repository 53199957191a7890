package pl.gielda.common;

/**
 * Whoever makes a request, reduced to the stable name that keys and audit rows are stored under.
 * Declared here so that common code (idempotency) needs only this name, not the auth package that
 * verifies who the caller is.
 */
public interface Principal {

  /** A stable name, e.g. {@code P:42} for person 42. */
  String principal();
}
