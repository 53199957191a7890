package pl.gielda.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a port of its own for the app under test. Tests that need the
 * server down, refusing or hanging stop it and put something else on the same port.
 */
public class TestSmtp implements QuarkusTestResourceLifecycleManager {

  private static int port;
  private static GreenMail server;

  @Override
  public Map<String, String> start() {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startServer();
    return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
  }

  public static int port() {
    return port;
  }

  public static synchronized void startServer() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public static synchronized void ensureRunning() {
    if (server == null) {
      startServer();
    }
  }

  public static synchronized void stopServer() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** What the running server received since it was started. */
  public static synchronized MimeMessage[] received() {
    return server == null ? new MimeMessage[0] : server.getReceivedMessages();
  }

  @Override
  public void stop() {
    stopServer();
  }
}
