package dev.dawn.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs this {@code dawn} command again in a child JVM under a different environment (settings that
 * TensorFlow reads once when it loads), with this process's console, and ends with the child's exit
 * status. A signal to this process reaches the child as SIGTERM, so it stops the way a signalled
 * run does (run_stop written, files exported) before this one exits.
 */
public final class Rerun {
  private static final long STOP_GRACE_SECONDS = 120;

  private Rerun() {}

  /**
   * @param mainClass the {@code dawn} entry point
   * @param args the original arguments, subcommand first
   */
  public static int inChild(String mainClass, List<String> args, Map<String, String> environment) {
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(mainClass, args)).inheritIO();
    pb.environment().putAll(environment);
    try {
      Process child = pb.start();
      Thread stopChild =
          new Thread(
              () -> {
                if (child.isAlive()) {
                  child.destroy();
                  try {
                    child.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  child.destroyForcibly();
                }
              },
              "dawn-rerun-stop");
      Runtime.getRuntime().addShutdownHook(stopChild);
      int status = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the rerun of this command", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the rerun was going", e);
    }
  }
}
