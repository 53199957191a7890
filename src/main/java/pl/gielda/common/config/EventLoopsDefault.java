package pl.gielda.common.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Two Vert.x event loops per core unless configured ({@code QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE}).
 *
 * <p>Quarkus runs one loop per core. A loop serves its connections in turn, so when 10,000 phones
 * reconnect at once (the hall's Wi-Fi back), a post waited behind its loop's share of their
 * upgrades and catch-ups: p99 78–395 ms in six storms on two cores, and up to 824 ms on a slower
 * host. With two loops per core the kernel shares the cores between the loops instead, and the same
 * storms answered posts within 124 ms (p99) while signing stayed as fast (BENCHMARKS.md, reconnect
 * storm). Below application.properties and the environment (ordinal 200), so either wins.
 */
public final class EventLoopsDefault implements ConfigSource {

  static final String PROPERTY = "quarkus.vertx.event-loops-pool-size";

  /** Loops for a machine with this many cores. */
  static int loopsFor(int cores) {
    return 2 * Math.max(1, cores);
  }

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PROPERTY);
  }

  @Override
  public String getValue(String name) {
    return PROPERTY.equals(name)
        ? Integer.toString(loopsFor(Runtime.getRuntime().availableProcessors()))
        : null;
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(PROPERTY, getValue(PROPERTY));
  }

  @Override
  public int getOrdinal() {
    return 200;
  }

  @Override
  public String getName() {
    return "gielda-event-loops-default";
  }
}
