package pl.gielda.common.config;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops one warning that is a known upstream fault, not ours: Quarkus's Micrometer binder makes the
 * reactive PostgreSQL client register its {@code postgresql.queue.size} gauge again for every new
 * pool connection, and Micrometer warns about the second one at every start
 * (quarkusio/quarkus#47504). The first registration keeps reporting; nothing else is filtered.
 */
@LoggingFilter(name = "known-noise")
public final class KnownLogNoise implements Filter {

  @Override
  public boolean isLoggable(LogRecord record) {
    String message = record.getMessage();
    return !("io.micrometer.core.instrument.MeterRegistry".equals(record.getLoggerName())
        && message != null
        && message.startsWith("This Gauge has been already registered")
        && message.contains("queue.size"));
  }
}
