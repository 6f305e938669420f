package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run's log reads as one run: each run_resume leaves out what it supersedes. */
class ContinuousLogTest {
  private static Event line(long t, String name) {
    return new Event(t, EventType.POINT_IN_TIME, name, null, Map.of());
  }

  private static Event resume(long t, int logLines) {
    return new RunResume("checkpoints/ckpt-" + t, logLines, t, 1, 1.0, 10, List.of(), 0).toEvent(t);
  }

  private static List<String> keys(List<Event> events) {
    return events.stream().map(Event::key).toList();
  }

  @Test
  void aLogWithoutResumeIsUnchangedAndEachResumeDropsWhatCameAfterItsCheckpoint() {
    List<Event> plain = List.of(line(1, "a"), line(2, "b"));
    assertThat(ContinuousLog.of(plain)).isEqualTo(plain);

    List<Event> lines = new ArrayList<>();
    lines.add(line(1, "a"));
    lines.add(line(2, "ckpt1"));
    lines.add(line(3, "lost1"));
    lines.add(line(4, "lost2"));
    lines.add(resume(5, 2)); // keeps a, ckpt1
    lines.add(line(6, "b"));
    lines.add(line(7, "ckpt2"));
    lines.add(line(8, "lost3"));
    lines.add(resume(9, 7)); // keeps the first 7 lines as written: a..ckpt2, of which 2 were gone
    lines.add(line(10, "c"));
    assertThat(keys(ContinuousLog.of(lines)))
        .containsExactly("a", "ckpt1", "run_resume", "b", "ckpt2", "run_resume", "c");
    // resumed right at its checkpoint: nothing superseded
    assertThat(keys(ContinuousLog.of(List.of(line(1, "a"), resume(2, 1), line(3, "b")))))
        .containsExactly("a", "run_resume", "b");
  }

  @Test
  void aResumeThatKeepsLinesItComesBeforeIsNamedWithItsFileAndLine(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (EventLog log = EventLog.append(file, () -> 1L)) {
      UntypedEvents.pointInTime(log, "a", 1);
      log.write(new RunResume("checkpoints/ckpt-1", 5, 1, 1, 1.0, 10, List.of(), 0));
    }
    assertThat(EventLogReader.readLines(file)).hasSize(2);
    assertThatThrownBy(() -> EventLogReader.read(file))
        .isInstanceOf(EventLogFormatException.class)
        .hasMessage(
            file + ": line 2: run_resume keeps the first 5 lines, more than come before it");
    assertThat(Files.readAllLines(file)).hasSize(2);
  }
}
