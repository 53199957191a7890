package pl.gielda.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import org.junit.jupiter.api.Test;

class BusyDatabaseTest {

  private final ProblemMappers mappers = new ProblemMappers();

  @Test
  void noConnectionInTimeIsA503WithRetryAfterNotA500() {
    var response = mappers.unexpected(new VertxException("Timeout waiting for connection"));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:gielda:problem:busy");
  }

  @Test
  void aTimedOutPoolWaitWrappedInAnotherExceptionIsBusyToo() {
    assertThat(ProblemMappers.busy(new RuntimeException(new NoStackTraceThrowable("Timeout"))))
        .isTrue();
  }

  @Test
  void anyOtherFailureStaysAnInternalError() {
    assertThat(ProblemMappers.busy(new IllegalStateException("Timeout"))).isFalse();
    assertThat(mappers.unexpected(new IllegalStateException("boom")).getStatus()).isEqualTo(500);
  }
}
