package pl.gielda.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/**
 * Runs the web client's browser journeys (web-client/e2e, Playwright driving Debian Chromium)
 * against this application under test: real pages, real REST and WebSocket, real PostgreSQL.
 */
@QuarkusTest
class BrowserJourneysTest {

  @TestHTTPResource("/")
  URI base;

  @Test
  void browserJourneysPassInChromium() throws Exception {
    ProcessBuilder npm =
        new ProcessBuilder("npm", "run", "e2e")
            .directory(new File("web-client"))
            .redirectErrorStream(true);
    npm.environment().put("BASE_URL", base.toString().replaceAll("/$", ""));
    npm.environment().put("ORGANISER_EMAIL", Fixtures.ORGANISER_EMAIL);
    npm.environment().put("ORGANISER_PASSWORD", Fixtures.ORGANISER_PASSWORD);
    Process process = npm.start();
    StringBuilder output = new StringBuilder();
    // Read on another thread, so that the time limit below holds even while npm keeps printing.
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  System.out.println("[e2e] " + line);
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the process was ended: what was read is kept
              }
            },
            "e2e-output");
    reader.start();
    // Several minutes of journeys, the Wi-Fi-drop drill's real minute among them.
    boolean finished = process.waitFor(18, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(finished).as("browser tests finish within 18 minutes:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("browser tests passed:%n%s", output).isZero();
    assertThat(output).contains("# fail 0");
  }
}
