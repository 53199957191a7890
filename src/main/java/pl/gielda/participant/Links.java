package pl.gielda.participant;

import jakarta.enterprise.context.ApplicationScoped;
import pl.gielda.common.web.PublicUrl;

/** Builds the links printed on badges and shown for screens, on the current public address. */
@ApplicationScoped
public class Links {

  private final PublicUrl publicUrl;

  Links(PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
  }

  public String base() {
    return publicUrl.base();
  }

  public boolean pointsAtLocalhost() {
    return publicUrl.pointsAtLocalhost();
  }

  /**
   * The sign-in link of the badge's tear-off part. The secret is in the fragment, which browsers
   * never send: it reaches no access log, proxy or metric; the page posts it.
   */
  public String signIn(String secret) {
    return base() + "/b#" + secret;
  }

  /** The public link on the badge's face: it names the person, it signs nobody in. */
  public String partner(String partnerCode) {
    return base() + "/p/" + partnerCode;
  }

  public String screen(String token) {
    return base() + "/screen/" + token;
  }

  public String join(String code) {
    return base() + "/join/" + code;
  }
}
