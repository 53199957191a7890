package pl.gielda.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web client routes in the browser (/b/…, /f/…, /screen/…, /setup): a page load of such a path
 * gets index.html. API, WebSocket, management and asset paths are left alone.
 *
 * <p>The page is served unless the caller asks for JSON explicitly: browsers send {@code
 * text/html}, but {@code curl}, link checkers and QR-scanner apps send {@code *}{@code /*} or
 * nothing, and they too should see that a printed badge link works.
 */
@ApplicationScoped
public class SpaRoutes {

  private static final String CLIENT_PATHS = "^/(?!api/|api$|q/|ws/|assets/)[^.]*$";

  void install(@Observes Router router) {
    router
        .getWithRegex(CLIENT_PATHS)
        .order(-100)
        .handler(
            ctx -> {
              if (wantsPage(ctx.request().getHeader("Accept"))
                  && !ctx.normalizedPath().equals("/index.html")) {
                ctx.reroute("/index.html");
              } else {
                ctx.next();
              }
            });
  }

  /** JSON only for a caller that names JSON and not HTML; a page for everyone else. */
  static boolean wantsPage(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String a = accept.toLowerCase(java.util.Locale.ROOT);
    return a.contains("text/html") || !a.contains("json");
  }
}
