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

  public String badge(String token) {
    return base() + "/b/" + token;
  }

  public String screen(String token) {
    return base() + "/screen/" + token;
  }

  public String join(String code) {
    return base() + "/join/" + code;
  }
}
