package pl.gielda.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web client routes in the browser (/b/…, /f/…, /screen/…): a page load of such a path gets
 * index.html. API, WebSocket, management and asset paths are left alone.
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
              String accept = ctx.request().getHeader("Accept");
              if (accept != null
                  && accept.contains("text/html")
                  && !ctx.normalizedPath().equals("/index.html")) {
                ctx.reroute("/index.html");
              } else {
                ctx.next();
              }
            });
  }
}
