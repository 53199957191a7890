package pl.gielda.common.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ./mvnw -Prun package} runs inside Maven (exec:java): starts the packaged app as a
 * child process and waits for it. SIGTERM to Maven is passed on to the app, and an app that stopped
 * because it was asked to (SIGTERM, Ctrl-C) ends the build quietly — without this, Maven dies with
 * exit 143 and "BUILD FAILURE" while the app is still stopping.
 *
 * <p>Arguments: the JVM options and {@code -jar <quarkus-run.jar>}, as for {@code java}.
 */
public final class RunInForeground {

  private RunInForeground() {}

  public static void main(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(args));
    Process app = new ProcessBuilder(command).inheritIO().start();
    // Ctrl-C reaches the app by itself (same process group); a SIGTERM to Maven alone is passed on.
    StopSignals.install(app::destroy);
    int code = app.waitFor();
    if (code != 0 && code != 130 && code != 143) {
      throw new IllegalStateException("The app ended with exit code " + code);
    }
  }
}
