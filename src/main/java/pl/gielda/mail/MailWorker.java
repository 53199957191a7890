package pl.gielda.mail;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import pl.gielda.common.config.GieldaConfig;

/**
 * Sends what the outbox owes, a few mails a run, on every instance: claiming with SKIP LOCKED keeps
 * two instances off the same mail. A temporary failure (server down, hanging, 4xx) waits with a
 * doubling backoff; a permanent one (5xx: address or mail refused) is marked failed for the
 * organiser. The only window for a duplicate is an instance dying after the server accepted a mail
 * and before this row says so; the resend then carries the same Message-ID.
 */
@ApplicationScoped
public class MailWorker {

  private static final Logger LOG = Logger.getLogger(MailWorker.class);

  private final MailOutbox outbox;
  private final MailComposer composer;
  private final MailSettings settings;
  private final MailClient smtp;
  private final Vertx vertx;
  private final Path folder;
  private final String instance = ManagementFactory.getRuntimeMXBean().getName();

  MailWorker(
      MailOutbox outbox,
      MailComposer composer,
      MailSettings settings,
      MailClient smtp,
      Vertx vertx,
      GieldaConfig config) {
    this.outbox = outbox;
    this.composer = composer;
    this.settings = settings;
    this.smtp = smtp;
    this.vertx = vertx;
    this.folder = Path.of(config.dataDir(), "mail");
  }

  @Scheduled(
      every = "${gielda.mail.poll:2s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return outbox
        .claim(instance, settings.batch(), settings.lease())
        .chain(this::deliverAll)
        .onFailure()
        .invoke(e -> LOG.warnf("Mail worker: %s (next run retries)", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> deliverAll(List<OutboxMail> mails) {
    if (mails.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(mails)
        .onItem()
        .transformToUniAndConcatenate(this::deliver)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> deliver(OutboxMail mail) {
    return composer
        .compose(mail)
        .chain(
            composed ->
                settings.delivery() == MailSettings.Delivery.SMTP
                    ? send(mail, composed)
                    : keep(mail, composed))
        .onFailure()
        .recoverWithUni(e -> failure(mail, e));
  }

  private Uni<Void> send(OutboxMail mail, ComposedMail composed) {
    return smtp.sendMail(message(mail, composed))
        .ifNoItem()
        .after(settings.sendTimeout())
        .failWith(
            () ->
                new TimeoutException(
                    "no answer from the mail server within " + settings.sendTimeout()))
        .chain(
            result ->
                outbox.sent(
                    mail.id(),
                    composed.subject(),
                    composed.text(),
                    "accepted for " + String.join(", ", result.getRecipients())));
  }

  private Uni<Void> keep(OutboxMail mail, ComposedMail composed) {
    Path file = folder.resolve(mail.id() + "-" + mail.purpose().replace('.', '-') + ".eml");
    String eml =
        new io.vertx.ext.mail.mailencoder.MailEncoder(message(mail, composed), "gielda").encode();
    return vertx
        .executeBlocking(
            () -> {
              Files.createDirectories(folder);
              Files.writeString(file, eml, StandardCharsets.UTF_8);
              return file;
            })
        .chain(f -> outbox.kept(mail.id(), composed.subject(), composed.text(), f.toString()));
  }

  private Uni<Void> failure(OutboxMail mail, Throwable e) {
    if (e instanceof SMTPException smtpError && smtpError.isPermanent()) {
      LOG.warnf("Mail %d refused by the server: %s", mail.id(), smtpError.getReplyCode());
      return outbox.failed(mail.id(), "refused by the mail server", smtpError.getMessage());
    }
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (mail.attempts() >= settings.maxAttempts()) {
      LOG.warnf("Mail %d given up after %d attempts", mail.id(), mail.attempts());
      return outbox.failed(mail.id(), "given up after " + mail.attempts() + " attempts", error);
    }
    return outbox.retryLater(mail.id(), backoff(mail.attempts()), error);
  }

  /**
   * 5 s, 10 s, 20 s, … up to the maximum (2 min): a mail waits at most that long after an outage.
   */
  Duration backoff(int attempts) {
    long first = settings.firstBackoff().toMillis();
    long wait = first << Math.min(Math.max(attempts - 1, 0), 20);
    return Duration.ofMillis(Math.min(wait, settings.maxBackoff().toMillis()));
  }

  private MailMessage message(OutboxMail mail, ComposedMail composed) {
    MailMessage m =
        new MailMessage()
            .setFrom(settings.from())
            .setTo(mail.toAddress())
            .setSubject(composed.subject())
            .setText(composed.text())
            .setHtml(composed.html())
            .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Message-ID", mail.messageId()));
    if (composed.attachment() != null) {
      m.setAttachment(
          List.of(
              MailAttachment.create()
                  .setName(composed.attachmentName())
                  .setContentType("application/pdf")
                  .setData(io.vertx.core.buffer.Buffer.buffer(composed.attachment()))));
    }
    return m;
  }
}
