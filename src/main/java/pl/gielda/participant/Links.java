package pl.gielda.participant;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pl.gielda.common.config.GieldaConfig;

/** Builds the links printed on badges and shown for screens. */
@ApplicationScoped
public class Links {

  private final String base;

  Links(GieldaConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
    this.base =
        config
            .publicUrl()
            .filter(s -> !s.isBlank())
            .map(Links::trim)
            .orElse("http://localhost:" + port);
  }

  public String base() {
    return base;
  }

  public String badge(String token) {
    return base + "/b/" + token;
  }

  public String screen(String token) {
    return base + "/screen/" + token;
  }

  public String join(String code) {
    return base + "/join/" + code;
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
