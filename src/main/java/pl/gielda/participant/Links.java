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

  /**
   * The sign-in link of the badge's tear-off part. The secret is in the fragment, which browsers
   * never send: it reaches no access log, proxy or metric; the page posts it.
   */
  public String signIn(String secret) {
    return base + "/b#" + secret;
  }

  /** The public link on the badge's face: it names the person, it signs nobody in. */
  public String partner(String partnerCode) {
    return base + "/p/" + partnerCode;
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
