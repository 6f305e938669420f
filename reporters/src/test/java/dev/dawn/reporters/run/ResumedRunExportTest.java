package dev.dawn.reporters.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.reporters.csv.MetricsCsvWriter;
import dev.dawn.reporters.dawnbench.PythonFloatFormat;
import dev.dawn.reporters.events.CheckpointSaved;
import dev.dawn.reporters.events.EpochStart;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunResume;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.record.EpochRecord;
import dev.dawn.reporters.record.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed in epoch 2 and resumed from its checkpoint after epoch 1: every file derived from
 * its log shows one continuous run, epoch 2 as the resumed process trained it, and says it was
 * resumed.
 */
class ResumedRunExportTest {
  static final String CHECKPOINT = "checkpoints/ckpt-10";

  /** The CIFAR fixture's first lines (run_start, dawnbench_entry), then the resumed run. */
  static Path resumedRun(Path dir) throws Exception {
    Path run = Files.createDirectories(dir.resolve("resumed"));
    Path events = run.resolve(RunFolder.EVENTS);
    List<String> fixture =
        new String(
                RunExporterTest.resource("/runs/cifar-finished/events.jsonl"),
                StandardCharsets.UTF_8)
            .lines()
            .toList();
    Files.write(events, List.of(fixture.get(0), fixture.get(1)));
    long[] now = {10_000};
    try (EventLog log = EventLog.append(events, () -> now[0]++)) {
      log.write(new EpochStart(1));
      log.write(new EpochStop(1, 36000, 36500, 1.0, 0.1, 1000.0, 50000L, 0L));
      log.write(new EvalAccuracy(1, 0.5, 0.7, 10000L, 0L));
      log.write(new CheckpointSaved(CHECKPOINT, 10, 1, 1.0, 36000, 40L, CheckpointSaved.EPOCH));
      // the stopped process's epoch 2, superseded by the resume
      log.write(new EpochStart(2));
      log.write(new EpochStop(2, 72000, 73000, 0.9, 0.0, 1000.0, 50000L, 0L));
      log.write(new EvalAccuracy(2, 0.6, 0.8, 10000L, 0L));
      now[0] = 900_000;
      log.write(new RunResume(CHECKPOINT, 6, 10, 2, 1.0, 36000, List.of(2), 3));
      log.write(new EpochStart(2));
      log.write(new EpochStop(2, 71000, 900500, 0.8, 0.0, 1010.0, 50000L, 0L));
      log.write(new EvalAccuracy(2, 0.95, 0.99, 10000L, 0L));
      log.write(RunStop.of(RunStatus.SUCCESS, null));
    }
    Files.writeString(
        events, fixture.get(fixture.size() - 2) + "\n", java.nio.file.StandardOpenOption.APPEND);
    return run;
  }

  @Test
  void everyFileShowsOneContinuousRunMarkedResumed(@TempDir Path dir) throws Exception {
    Path run = resumedRun(dir);
    RunRecord record = RunRecord.fromEvents(EventLogReader.read(run.resolve(RunFolder.EVENTS)));
    assertThat(record.epochs()).extracting(EpochRecord::epoch).containsExactly(1, 2);
    EpochRecord second = record.epochs().get(1);
    assertThat(second.hours()).isEqualTo(71000 / 3.6e6); // the resumed training clock
    assertThat(second.wallHours()).isEqualTo(900500 / 3.6e6); // the gap counted
    assertThat(second.resumedFrom()).isEqualTo(CHECKPOINT);
    assertThat(record.epochs().get(0).resumedFrom()).isNull();
    assertThat(record.status()).isEqualTo("success");
    assertThat(record.resumed()).isTrue();
    assertThat(record.resumeNote())
        .isEqualTo("resumed from checkpoints/ckpt-10 at epoch 1 (epoch 2 trained again)");
    assertThat(record.hoursToTarget().getAsDouble()).isEqualTo(71000 / 3.6e6);

    RunExporter.export(run);
    Path tsv = run.resolve(RunExporterTest.BASENAME + ".tsv");
    assertThat(Files.readAllLines(tsv))
        .containsExactly(
            "epoch\thours\ttop1Accuracy",
            "1\t" + PythonFloatFormat.repr(36000 / 3.6e6) + "\t50.0",
            "2\t" + PythonFloatFormat.repr(71000 / 3.6e6) + "\t95.0");
    var json =
        new ObjectMapper().readTree(run.resolve(RunExporterTest.BASENAME + ".json").toFile());
    assertThat(json.path("misc").path(RunExporter.RESUMED_MISC).asText())
        .isEqualTo(record.resumeNote());
    List<String> csv = Files.readAllLines(run.resolve(RunFolder.METRICS_CSV));
    assertThat(csv.get(0)).endsWith("," + MetricsCsvWriter.RESUMED_FROM_COLUMN);
    assertThat(csv.get(1)).endsWith(",");
    assertThat(csv.get(2)).endsWith("," + CHECKPOINT);
    assertThat(run.resolve(RunExporter.ACCURACY_PNG)).isNotEmptyFile();
  }
}
