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
import pl.gielda.common.web.PublicUrl;
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
  private final PublicUrl publicUrl;

  StartupBanner(
      GieldaConfig config,
      OrganiserBootstrap bootstrap,
      DemoFair demo,
      Links links,
      PublicUrl publicUrl) {
    this.config = config;
    this.bootstrap = bootstrap;
    this.demo = demo;
    this.links = links;
    this.publicUrl = publicUrl;
  }

  void onStart(@Observes StartupEvent event) throws Throwable {
    VertxContextSupport.subscribeAndAwait(publicUrl::load);
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
    if (publicUrl.pointsAtLocalhost()) {
      LOG.warn(localhostWarning(links.base(), publicUrl.hallCandidates()));
    }
  }

  /** Printed badges and the join QR must open on phones: say so while they lead to this machine. */
  static String localhostWarning(String base, List<String> candidates) {
    StringBuilder w =
        new StringBuilder("\n\n  !! Links on badges, the join QR and the big screen point at ")
            .append(base)
            .append(": phones in the hall cannot open them.\n");
    if (candidates.isEmpty()) {
      w.append("  !! No network address found: connect to the hall's network, then restart.\n");
    } else {
      w.append("  !! This machine on the hall network: ")
          .append(String.join("  ", candidates))
          .append('\n')
          .append("  !! Choose it on the organiser console, or start with PUBLIC_URL=")
          .append(candidates.get(0))
          .append('\n');
    }
    return w.toString();
  }
}
