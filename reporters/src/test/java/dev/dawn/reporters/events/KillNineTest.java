package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real writer process killed with SIGKILL mid-stream: every line it finished must be readable.
 */
class KillNineTest {
  @TempDir Path dir;

  /** The child: writes events as fast as it can until killed. */
  public static void main(String[] args) {
    try (EventLog log = EventLog.append(Path.of(args[0]))) {
      for (long i = 0; ; i++) {
        UntypedEvents.pointInTime(log, "tick", i, Map.of("padding", "x".repeat((int) (i % 300))));
      }
    }
  }

  @Test
  void sigkillLosesNothingFinished() throws Exception {
    Path file = dir.resolve(RunFolder.EVENTS);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillNineTest.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(file) && Files.size(file) > 200_000)
          && System.nanoTime() < deadline
          && child.isAlive()) {
        Thread.sleep(20);
      }
      assertThat(child.isAlive()).as("child writer still running").isTrue();
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux
      child.waitFor(30, TimeUnit.SECONDS);
    }
    List<Event> events = EventLogReader.read(file);
    assertThat(events.size()).isGreaterThan(100);
    for (int i = 0; i < events.size(); i++) {
      assertThat(((Number) events.get(i).value()).longValue())
          .isEqualTo(i); // none lost, none reordered
    }
  }
}
