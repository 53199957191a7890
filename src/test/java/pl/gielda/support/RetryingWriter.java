package pl.gielda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes as the phone's outbox does: every write has an Idempotency-Key and is retried with the
 * same key until the server acknowledges it. Records every failed attempt, so a test can say what a
 * person saw while an instance or the database was down.
 */
public final class RetryingWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A failed attempt: HTTP status (-1: no answer at all) and whether it was a proper 503. */
  public record Failure(int status, String contentType, String retryAfter, String body) {
    public boolean isRetryLater() {
      return status == 503
          && contentType.startsWith("application/problem+json")
          && !retryAfter.isEmpty();
    }
  }

  public record Ack(String key, int status, JsonNode body, int attempts) {}

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  public final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  public final Map<Integer, AtomicInteger> failuresByStatus = new ConcurrentHashMap<>();
  public final AtomicInteger retries = new AtomicInteger();

  public RetryingWriter(URI base) {
    this.base = base;
  }

  /** POSTs until acknowledged (2xx) or the deadline passes; 4xx other than 408/429 are final. */
  public Optional<Ack> post(String path, String token, Object body, String key, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    int attempts = 0;
    while (System.nanoTime() < deadline) {
      attempts++;
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      long pause = 200;
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          return Optional.of(new Ack(key, r.statusCode(), JSON.readTree(r.body()), attempts));
        }
        Failure f =
            new Failure(
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Retry-After").orElse(""),
                r.body());
        failures.add(f);
        failuresByStatus
            .computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
            .incrementAndGet();
        if (r.statusCode() / 100 == 4 && r.statusCode() != 408 && r.statusCode() != 429) {
          throw new AssertionError("Write refused: " + r.statusCode() + " " + r.body());
        }
        // Retry-After is honoured, capped so the test stays short.
        pause =
            Math.min(1000, 1000L * Long.parseLong(f.retryAfter().isEmpty() ? "0" : f.retryAfter()));
      } catch (IOException e) {
        failures.add(new Failure(-1, "", "", String.valueOf(e)));
        failuresByStatus.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      retries.incrementAndGet();
      try {
        Thread.sleep(Math.max(100, pause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
