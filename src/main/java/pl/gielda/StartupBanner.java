package pl.gielda;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import pl.gielda.auth.OrganiserBootstrap;
import pl.gielda.common.config.GieldaConfig;
import pl.gielda.demo.DemoFair;
import pl.gielda.participant.Links;

/** At start: the demo fair (if asked for), the first organiser, and the URLs to open. */
@ApplicationScoped
public class StartupBanner {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class);

  private final GieldaConfig config;
  private final OrganiserBootstrap bootstrap;
  private final DemoFair demo;
  private final Links links;

  StartupBanner(GieldaConfig config, OrganiserBootstrap bootstrap, DemoFair demo, Links links) {
    this.config = config;
    this.bootstrap = bootstrap;
    this.demo = demo;
    this.links = links;
  }

  void onStart(@Observes StartupEvent event) throws Throwable {
    List<String> lines = new ArrayList<>();
    if (config.demo()) {
      DemoFair.Links demoLinks = VertxContextSupport.subscribeAndAwait(demo::seed);
      lines.add("Demo fair:          " + demoLinks.fairName());
      lines.add("Phone (badge):      " + demoLinks.participantBadge());
      lines.add("Phone (join code):  " + links.join(demoLinks.joinCode()));
      lines.add("Big screen:         " + demoLinks.screen());
      lines.add("Notary console:     " + demoLinks.notaryBadge());
      lines.add("Help desk:          " + demoLinks.animatorBadge());
      lines.add(
          "Organiser console:  "
              + links.base()
              + "/organiser  ("
              + demoLinks.organiserEmail()
              + " / "
              + demoLinks.organiserPassword()
              + ")");
    }
    VertxContextSupport.subscribeAndAwait(bootstrap::ensureFirstOrganiser);
    String setup = bootstrap.printedSetupToken();
    if (setup != null) {
      lines.add("First organiser:    " + links.base() + "/setup?token=" + setup);
    }
    lines.add("Swagger UI:         " + links.base() + "/q/swagger-ui");
    lines.add("Health / metrics:   " + links.base() + "/q/health  " + links.base() + "/q/metrics");
    StringBuilder banner = new StringBuilder("\n\n  Giełda is running at " + links.base() + "\n");
    lines.forEach(l -> banner.append("  ").append(l).append('\n'));
    LOG.info(banner);
  }
}
