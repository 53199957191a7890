package pl.gielda.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "gielda")
public interface GieldaConfig {

  /** Base URL printed on badges and screen links; empty = taken from the request. */
  Optional<String> publicUrl();

  /** Folder for the embedded database, generated keys and demo credentials. */
  @WithDefault("data")
  String dataDir();

  /** Seed the Polish demo fair at start (the run command sets it). */
  @WithDefault("false")
  boolean demo();

  Bootstrap bootstrap();

  Board board();

  interface Bootstrap {
    /** Creates the first organiser from configuration instead of a one-time setup token. */
    Optional<String> organiserEmail();

    Optional<String> organiserPassword();
  }

  interface Board {
    /** Events kept in memory per fair for fast replay; older resumes get a snapshot. */
    @WithDefault("2000")
    int replayWindow();

    /** Messages a connection may have unsent before it is closed as too slow. */
    @WithDefault("512")
    int maxPendingPerConnection();

    /**
     * A connection that has answered none of the server's pings for this long is not reading (its
     * kernel buffers may still be taking megabytes): it is closed as too slow, like a full queue.
     * Pings go every {@code quarkus.websockets-next.server.auto-ping-interval} (20 s).
     */
    @WithDefault("65s")
    java.time.Duration silenceLimit();

    /** How often connections are checked against {@link #silenceLimit()}. */
    @WithDefault("10s")
    java.time.Duration silenceCheck();
  }
}
