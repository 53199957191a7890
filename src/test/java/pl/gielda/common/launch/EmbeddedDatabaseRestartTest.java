package pl.gielda.common.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded database keeps its data and starts again after the app was killed with -9. */
class EmbeddedDatabaseRestartTest {

  @Test
  void aKilledAppLeavesNoLockThatBlocksTheNextStartAndNoDataIsLost() throws Exception {
    Path pgDir = Path.of("target", "restart-" + System.nanoTime(), "pg");
    Process crashed =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                HoldEmbeddedDatabase.class.getName(),
                pgDir.toString())
            .redirectErrorStream(true)
            .start();
    String last = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(crashed.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        last = line;
        if (line.contains("READY")) {
          break;
        }
      }
    }
    assertThat(last).as("the first app started its database").isEqualTo("READY");
    crashed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(pgDir.resolve("postmaster.pid")).as("the kill left the server's lock file").exists();

    try (EmbeddedPostgres restarted = DatabaseLauncher.startEmbedded(pgDir);
        Connection c =
            restarted.getDatabase("postgres", DatabaseLauncher.DATABASE).getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select word from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("zażółć gęślą jaźń");
    }
  }
}
