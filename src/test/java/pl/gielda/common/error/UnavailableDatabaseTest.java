package pl.gielda.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/**
 * A database that restarts under a running fair: every way the failure reaches the app is a 503
 * with Retry-After (the phone retries with the same key), never a 500.
 */
class UnavailableDatabaseTest {

  private final ProblemMappers mappers = new ProblemMappers();

  @Test
  void aSessionTerminatedByAShutdownIsA503WithRetryAfter() {
    var shutdown =
        new PgException(
            "terminating connection due to administrator command", "FATAL", "57P01", null);
    var response = mappers.unexpected(new HibernateException("could not execute", shutdown));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    assertThat(((Problem) response.getEntity()).type()).isEqualTo("urn:gielda:problem:unavailable");
  }

  @Test
  void aServerStillStartingUpIsUnavailable() {
    assertThat(
            ProblemMappers.unavailable(
                new PgException("the database system is starting up", "FATAL", "57P03", null)))
        .isTrue();
  }

  @Test
  void aRefusedResetOrClosedConnectionIsUnavailable() {
    assertThat(ProblemMappers.unavailable(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
    assertThat(ProblemMappers.unavailable(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(ProblemMappers.unavailable(new java.net.SocketException("Connection reset")))
        .isTrue();
  }

  @Test
  void aBrokenPipeWhileSendingPipelinedStatementsIsUnavailable() {
    // Measured in TopologyIT: a post's statements written to a database that had just stopped.
    assertThat(ProblemMappers.unavailable(new java.io.IOException("Broken pipe"))).isTrue();
    assertThat(ProblemMappers.unavailable(new java.io.IOException("disk full"))).isFalse();
  }

  @Test
  void anOutageAmongSeveralFailuresOfOneRequestIsUnavailable() {
    var rollbackFailed = new IllegalStateException("rollback failed");
    var composite =
        new io.smallrye.mutiny.CompositeException(
            rollbackFailed, ClosedConnectionException.INSTANCE);
    assertThat(ProblemMappers.unavailable(composite)).isTrue();
  }

  @Test
  void aConstraintViolationIsNotAnOutage() {
    var duplicate = new PgException("duplicate key value", "ERROR", "23505", null);
    assertThat(ProblemMappers.unavailable(duplicate)).isFalse();
    assertThat(mappers.unexpected(duplicate).getStatus()).isEqualTo(500);
  }
}
