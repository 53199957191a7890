package pl.gielda.common.launch;

import sun.misc.Signal;

/**
 * SIGTERM (systemd, Kubernetes, {@code kill}) and SIGINT (Ctrl-C) ask for an orderly stop instead
 * of starting the JVM's shutdown, whose hooks run all at once and in no order.
 */
public final class StopSignals {

  private StopSignals() {}

  public static void install(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> stop.run());
      } catch (IllegalArgumentException e) {
        // A platform without this signal (or one the JVM keeps for itself): hooks still stop us.
      }
    }
  }
}
