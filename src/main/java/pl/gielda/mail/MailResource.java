package pl.gielda.mail;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;

/** The fair's outbox for its organiser: what was sent, what waits, what failed and why. */
@Path("/api/fairs/{fairId}/mail")
@RolesAllowed("organiser")
public class MailResource {

  /** A mail in the outbox list (without its body). */
  public record MailSummary(
      long id,
      String purpose,
      String to,
      String subject,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      String smtpReply,
      Instant createdAt,
      Instant sentAt) {}

  /** One mail with the text that was (or will be) sent. */
  public record MailView(MailSummary mail, String messageId, String bodyText) {}

  private final MailOutbox outbox;
  private final AccessGuard guard;
  private final CurrentCaller caller;

  MailResource(MailOutbox outbox, AccessGuard guard, CurrentCaller caller) {
    this.outbox = outbox;
    this.guard = guard;
    this.caller = caller;
  }

  @GET
  public Uni<List<MailSummary>> list(@RestPath long fairId, @RestQuery Integer limit) {
    int n = limit == null ? 200 : Math.max(1, Math.min(limit, 1000));
    return guard
        .inFair(caller.get(), fairId, Role.ORGANISER)
        .chain(() -> outbox.ofFair(fairId, n))
        .map(mails -> mails.stream().map(MailResource::summary).toList());
  }

  @GET
  @Path("/{mailId:\\d+}")
  public Uni<MailView> one(@RestPath long fairId, @RestPath long mailId) {
    return guard
        .inFair(caller.get(), fairId, Role.ORGANISER)
        .chain(() -> outbox.one(fairId, mailId))
        .map(
            m -> {
              if (m == null) {
                throw ApiException.notFound("Mail " + mailId);
              }
              return new MailView(summary(m), m.messageId(), m.bodyText());
            });
  }

  /** Sends a failed mail again (safe to repeat: only a failed mail is put back in the queue). */
  @POST
  @Path("/{mailId:\\d+}/retry")
  public Uni<MailSummary> retry(@RestPath long fairId, @RestPath long mailId) {
    return guard
        .inFair(caller.get(), fairId, Role.ORGANISER)
        .chain(() -> outbox.retryNow(fairId, mailId))
        .chain(() -> outbox.one(fairId, mailId))
        .map(
            m -> {
              if (m == null) {
                throw ApiException.notFound("Mail " + mailId);
              }
              return summary(m);
            });
  }

  private static MailSummary summary(OutboxMail m) {
    return new MailSummary(
        m.id(),
        m.purpose(),
        m.toAddress(),
        m.subject(),
        m.status(),
        m.attempts(),
        m.nextAttemptAt(),
        m.lastError(),
        m.smtpReply(),
        m.createdAt(),
        m.sentAt());
  }
}
