package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL keeps its finished epochs, and {@code dawn export} rebuilds the files
 * from them.
 */
class KilledRunRecoveryTest {

  @Test
  void killNineKeepsFinishedEpochsAndExportRebuildsTheFiles(@TempDir Path dir) throws Exception {
    Path events;
    String out;
    try (LongTrainingChild child = LongTrainingChild.start(dir, "killed")) {
      events = child.awaitEvaluations(2);
      child.process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no run_stop
      child.process.waitFor();
      out = child.output();
    }
    assertThat(events).as(out).isNotNull();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).noneMatch(l -> l.contains("\"run_stop\""));

    RunRecord record = RunRecord.fromEvents(EventLogReader.read(events));
    int finished = record.epochs().size();
    assertThat(finished).isGreaterThanOrEqualTo(2);

    Path run = events.getParent();
    var cli = DawnCli.commandLine();
    assertThat(cli.execute("export", run.toString())).isZero();
    try (var files = Files.list(run)) {
      Path tsv = files.filter(f -> f.toString().endsWith(".tsv")).findFirst().orElseThrow();
      assertThat(Files.readAllLines(tsv)).hasSize(1 + finished);
    }
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(1 + finished);
    assertThat(run.resolve("accuracy.png")).isRegularFile();
  }
}
