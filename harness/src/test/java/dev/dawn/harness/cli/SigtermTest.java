package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM during dawn train: run_stop with status killed, the finished epochs' files, exit 143. */
class SigtermTest {
  @Test
  void sigtermWritesRunStopKeepsFinishedEpochsAndExits143(@TempDir Path dir) throws Exception {
    Path events;
    int exit;
    String out;
    try (LongTrainingChild child = LongTrainingChild.start(dir, "terminated")) {
      events = child.awaitEvaluations(1);
      child.process.destroy(); // SIGTERM on Linux
      assertThat(child.process.waitFor(2, TimeUnit.MINUTES))
          .as("process ends after SIGTERM")
          .isTrue();
      exit = child.process.exitValue();
      out = child.output();
    }
    assertThat(events).as(out).isNotNull();
    assertThat(exit).as(out).isEqualTo(143);
    List<String> lines = Files.readAllLines(events);
    assertThat(lines.get(lines.size() - 1))
        .as(out)
        .contains("\"run_stop\"")
        .contains("\"status\":\"aborted\"")
        .contains("\"dawn_status\":\"killed\"");

    RunRecord record = RunRecord.fromEvents(EventLogReader.read(events));
    assertThat(record.status()).isEqualTo("killed");
    int finished = record.epochs().size();
    assertThat(finished).isGreaterThanOrEqualTo(1);
    try (var files = Files.list(events.getParent())) {
      Path tsv = files.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow();
      assertThat(Files.readAllLines(tsv)).hasSize(1 + finished);
    }
    assertThat(out).contains("SIGTERM");
  }
}
