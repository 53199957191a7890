package pl.gielda.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the outbox is delivered. The SMTP server itself (host, port, STARTTLS/TLS, credentials) is
 * configured as {@code quarkus.mailer.*}; see README, "Before and after the fair".
 */
@ConfigMapping(prefix = "gielda.mail")
public interface MailSettings {

  enum Delivery {
    /** Send through the SMTP server of {@code quarkus.mailer.*}. */
    SMTP,
    /** No server: keep the mail in the outbox and write it as an .eml file (offline demo). */
    FILES
  }

  @WithDefault("files")
  Delivery delivery();

  /** The sender's address. */
  @WithDefault("gielda@localhost")
  String from();

  /** How often the worker looks for mail that is due. */
  @WithDefault("2s")
  Duration poll();

  /** Mails one worker run takes at most. */
  @WithDefault("20")
  int batch();

  /** One delivery attempt gives up after this long (a server that accepts and never answers). */
  @WithDefault("20s")
  Duration sendTimeout();

  /**
   * A mail being sent is leased to its instance for this long; if that instance dies, another takes
   * the mail over afterwards. Longer than {@link #sendTimeout()}.
   */
  @WithDefault("60s")
  Duration lease();

  /** First wait after a failed attempt; it doubles up to {@link #maxBackoff()}. */
  @WithDefault("5s")
  Duration firstBackoff();

  @WithDefault("2m")
  Duration maxBackoff();

  /**
   * Attempts before a mail that keeps failing temporarily is given up (then shown as failed): 300
   * is about ten hours of a server that is down.
   */
  @WithDefault("300")
  int maxAttempts();
}
