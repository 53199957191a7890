package pl.gielda.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}; never leaks class names or traces. */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return respond(e.toProblem());
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      errors.add(
          new Problem.FieldError(
              fieldOf(v.getPropertyPath()),
              v.getMessage(),
              FieldCodes.code(v),
              FieldCodes.params(v)));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return respond(
        new Problem(
            "urn:gielda:problem:validation",
            "Invalid request",
            400,
            "One or more fields are invalid",
            errors,
            List.of()));
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  public Response unauthenticated() {
    return respond(
        new Problem(
            "urn:gielda:problem:unauthorized",
            "Unauthorized",
            401,
            "A valid token is required",
            List.of(),
            List.of()));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return respond(
        new Problem(
            "urn:gielda:problem:forbidden",
            "Forbidden",
            403,
            "Your role does not allow this",
            List.of(),
            List.of()));
  }

  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
  public Response unreadable(Exception e) {
    String where = e instanceof MismatchedInputException m ? pathOf(m) : "";
    List<Problem.FieldError> errors =
        where.isEmpty()
            ? List.of()
            : List.of(new Problem.FieldError(where, "has the wrong type", "wrong-type", Map.of()));
    return respond(
        new Problem(
            "urn:gielda:problem:unreadable",
            "Malformed request body",
            400,
            "The body is not valid JSON for this request",
            errors,
            List.of()));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json);
    }
    String title =
        Response.Status.fromStatusCode(status) != null
            ? Response.Status.fromStatusCode(status).getReasonPhrase()
            : "Error";
    return respond(
        new Problem(
            "urn:gielda:problem:http-" + status, title, status, title, List.of(), List.of()));
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    if (busy(e)) {
      // The database is saturated (no connection came in time): nothing was written, and the
      // phone's outbox retries the same request with the same key.
      LOG.warn("Database busy: " + e.getMessage());
      return retryLater(
          "urn:gielda:problem:busy",
          "Busy",
          "Too many requests at once; nothing was changed, try again in a moment");
    }
    if (unavailable(e)) {
      // The database is restarting or unreachable. The request's transaction did not commit
      // (or, if the connection died during COMMIT, the retry with the same Idempotency-Key finds
      // the stored answer): the client retries, nothing is lost or doubled.
      LOG.warn("Database unavailable: " + e);
      return retryLater(
          "urn:gielda:problem:unavailable",
          "Service unavailable",
          "The database is not reachable right now; try again in a moment");
    }
    LOG.error("Unexpected failure", e);
    return respond(
        new Problem(
            "urn:gielda:problem:internal",
            "Internal error",
            500,
            "Something went wrong on our side; nothing was changed",
            List.of(),
            List.of()));
  }

  private static Response retryLater(String type, String title, String detail) {
    return Response.fromResponse(
            respond(new Problem(type, title, 503, detail, List.of(), List.of())))
        .header("Retry-After", "2")
        .build();
  }

  /**
   * A database that is down, restarting or cut off: a refused, reset or closed connection, or a
   * server that says so (SQLSTATE class 08 connection exception, 57P admin/crash shutdown or
   * "cannot connect now", 53300 too many connections), however Hibernate or Vert.x wrapped it.
   */
  static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.smallrye.mutiny.CompositeException composite
          && composite.getCauses().stream().anyMatch(ProblemMappers::unavailable)) {
        return true;
      }
      if (t instanceof java.net.SocketException // refused, reset by the server going down
          || t instanceof java.nio.channels.ClosedChannelException
          // Writing pipelined statements to a server that just went away (the JDK's own type).
          || (t instanceof java.io.IOException
              && t.getMessage() != null
              && (t.getMessage().contains("Broken pipe")
                  || t.getMessage().contains("Connection reset")))
          || (t instanceof java.io.IOException && t.getClass().getName().startsWith("io.netty."))
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof org.hibernate.exception.JDBCConnectionException) {
        return true;
      }
      String state =
          t instanceof io.vertx.sqlclient.DatabaseException db
              ? db.getSqlState()
              : t instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
      if (state != null
          && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
        return true;
      }
      String m = t.getMessage();
      if (t instanceof io.vertx.core.VertxException
          && m != null
          && (m.contains("Connection was closed")
              || m.contains("Connection closed")
              || m.contains("Connection refused"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** A wait for a pooled database connection (or a query on one) that ran out of time. */
  static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      boolean vertx =
          t instanceof io.vertx.core.VertxException
              || t instanceof io.vertx.core.impl.NoStackTraceThrowable;
      if (vertx
          && m != null
          && (m.equals("Timeout") || m.startsWith("Timeout waiting for connection"))) {
        return true;
      }
      if (t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  static Response respond(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  private static String fieldOf(Path path) {
    // Paths look like "create.input.title": drop the method and parameter names.
    List<String> parts = new ArrayList<>();
    for (Path.Node node : path) {
      parts.add(node.getName());
    }
    return parts.size() > 2
        ? String.join(".", parts.subList(2, parts.size()))
        : parts.get(parts.size() - 1);
  }

  private static String pathOf(MismatchedInputException e) {
    List<String> parts = new ArrayList<>();
    e.getPath()
        .forEach(
            ref ->
                parts.add(
                    ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]"));
    return String.join(".", parts);
  }
}
