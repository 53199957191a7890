package pl.gielda.common.idempotency;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import pl.gielda.common.error.ApiException;

/**
 * The Idempotency-Key's size, checked once for every operation before any resource runs (the column
 * holds 100 characters). The write paths then take any key they are given.
 */
public class IdempotencyKeyCheck {

  static final int MAX_LENGTH = 100;

  @ServerRequestFilter
  public void keyFits(ContainerRequestContext request) {
    String key = request.getHeaderString(Idempotency.HEADER);
    if (key != null && key.length() > MAX_LENGTH) {
      throw ApiException.invalid(
          Idempotency.HEADER, "must be at most " + MAX_LENGTH + " characters");
    }
  }
}
