package pl.gielda.mail;

import java.time.Instant;

/** One row of {@code mail_outbox}: what is owed, to whom, and how far its delivery got. */
public record OutboxMail(
    long id,
    Long fairId,
    String purpose,
    String toAddress,
    String language,
    Long contractId,
    Long entityId,
    String messageId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String subject,
    String bodyText,
    String lastError,
    String smtpReply,
    Instant createdAt,
    Instant sentAt) {}
