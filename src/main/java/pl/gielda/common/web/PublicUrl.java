package pl.gielda.common.web;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pl.gielda.common.config.GieldaConfig;
import pl.gielda.common.error.ApiException;

/**
 * The base of every link the app prints (badges, the join QR, screens, contract verification).
 * {@code PUBLIC_URL} when configured; else the hall address an organiser chose on the console (kept
 * in the database); else {@code http://localhost:<port>}, which no phone in the hall can open, so
 * the banner and the console warn and badges are not printed without a confirmation.
 */
@ApplicationScoped
public class PublicUrl {

  private static final Logger LOG = Logger.getLogger(PublicUrl.class);
  static final String SETTING = "public-url";

  public enum Source {
    CONFIGURED,
    CHOSEN,
    DEFAULT
  }

  private final Optional<String> configured;
  private final int port;
  private final Pool pool;
  private volatile String chosen;

  PublicUrl(GieldaConfig config, @ConfigProperty(name = "quarkus.http.port") int port, Pool pool) {
    this.configured = config.publicUrl().filter(s -> !s.isBlank()).map(PublicUrl::trim);
    this.port = port;
    this.pool = pool;
  }

  public String base() {
    if (configured.isPresent()) {
      return configured.get();
    }
    String c = chosen;
    return c != null ? c : "http://localhost:" + port;
  }

  public Source source() {
    return configured.isPresent()
        ? Source.CONFIGURED
        : chosen != null ? Source.CHOSEN : Source.DEFAULT;
  }

  /** Whether the links lead to this machine only (no phone can open them). */
  public boolean pointsAtLocalhost() {
    return isLocal(base());
  }

  /** This machine's addresses on the networks it is on, as links phones there could open. */
  public List<String> hallCandidates() {
    return HallAddress.candidates(port);
  }

  /** Reads the chosen address at start (before the banner prints the links). */
  public Uni<Void> load() {
    return pool.preparedQuery("select value from app_setting where name = $1")
        .execute(Tuple.of(SETTING))
        .invoke(
            rows -> {
              for (var row : rows) {
                chosen = row.getString("value");
              }
            })
        .replaceWithVoid();
  }

  /** An organiser picks the address phones use (e.g. the one detected on the hall's Wi-Fi). */
  public Uni<String> choose(String url) {
    if (configured.isPresent()) {
      throw ApiException.conflict(
          "public-url-configured", "PUBLIC_URL is configured; change it where the app is started");
    }
    String normal = validate(url);
    return pool.preparedQuery(
            "insert into app_setting (name, value, updated_at) values ($1, $2, $3) "
                + "on conflict (name) do update set value = excluded.value, updated_at = excluded.updated_at")
        .execute(Tuple.of(SETTING, normal, OffsetDateTime.now()))
        .invoke(
            () -> {
              chosen = normal;
              LOG.infof("Links on badges and the join QR now point at %s", normal);
            })
        .replaceWith(normal);
  }

  /** Back to {@code http://localhost:<port>} (the console's "forget this address"). */
  public Uni<Void> forget() {
    return pool.preparedQuery("delete from app_setting where name = $1")
        .execute(Tuple.of(SETTING))
        .invoke(() -> chosen = null)
        .replaceWithVoid();
  }

  static String validate(String url) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("url", "must be an http(s) address like http://192.168.1.20:8080");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok =
        (scheme.equals("http") || scheme.equals("https"))
            && uri.getHost() != null
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null
            && url.length() <= 300;
    if (!ok) {
      throw ApiException.invalid("url", "must be an http(s) address like http://192.168.1.20:8080");
    }
    return trim(uri.toString());
  }

  static boolean isLocal(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return true;
    }
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.startsWith("127.")
        || h.equals("::1")
        || h.equals("0.0.0.0");
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
