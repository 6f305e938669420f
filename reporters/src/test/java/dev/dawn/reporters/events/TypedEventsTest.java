package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.record.StepSeries;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedEventsTest {
  @TempDir Path tmp;

  @Test
  void aNanLossIsWrittenAsStrictJsonAndReadBackAsNan() throws Exception {
    Path file = tmp.resolve(RunFolder.EVENTS);
    try (EventLog log = EventLog.append(file, () -> 7)) {
      log.write(new RunStart("r-nan"));
      log.write(new TrainStep(Double.NaN, 1, 1, 1, 0.1, 0.9, Double.POSITIVE_INFINITY, null, null));
      log.write(new EpochStop(1, 1000, 1200, Double.NaN, 0.1, 0.0, 0L, 0L));
      log.write(RunStop.of(RunStatus.DIVERGED, "loss NaN"));
    }
    // Strict parsing (Jackson's defaults reject NaN/Infinity tokens) accepts every line.
    ObjectMapper strict = new ObjectMapper();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      assertThat(line).doesNotContain("NaN,").doesNotContain(":NaN").doesNotContain(":Infinity");
      strict.readTree(line);
    }
    JsonNode step = strict.readTree(lines.get(1));
    assertThat(step.get("value").isNull()).isTrue();
    assertThat(step.at("/metadata/non_finite/~1value").asText()).isEqualTo("NaN");
    assertThat(step.at("/metadata/non_finite/~1metadata~1images_per_second").asText())
        .isEqualTo("Infinity");
    JsonNode stop = strict.readTree(lines.get(2));
    assertThat(stop.at("/metadata/loss").isNull()).isTrue();

    List<Event> events = EventLogReader.read(file);
    assertThat(events.get(1).metadata()).doesNotContainKey(NonFinite.FLAG);
    TrainStep read = TrainStep.KIND.decode(events.get(1));
    assertThat(read.loss()).isNaN();
    assertThat(read.imagesPerSecond()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(EpochStop.KIND.decode(events.get(2)).loss()).isNaN();
    assertThat(StepSeries.fromEvents(events).get(0).loss()).isNaN();
  }

  @Test
  void untypedWritesAreStrictJsonToo() throws Exception {
    Path file = tmp.resolve(RunFolder.EVENTS);
    try (EventLog log = EventLog.append(file)) {
      UntypedEvents.intervalEnd(
          log, MlLogKeys.EPOCH_STOP, Map.of("epoch_num", 1, "loss", Double.NaN));
      UntypedEvents.pointInTime(
          log, "throughput", Map.of("images_per_second", Float.NEGATIVE_INFINITY));
    }
    ObjectMapper strict = new ObjectMapper();
    for (String line : Files.readAllLines(file)) {
      strict.readTree(line); // throws on a bare NaN or -Infinity
    }
    List<Event> events = EventLogReader.read(file);
    assertThat((Double) events.get(0).meta("loss")).isNaN();
    assertThat(events.get(1).value())
        .isEqualTo(Map.of("images_per_second", Double.NEGATIVE_INFINITY));
  }

  @Test
  void oldLogsWithBareNanStillRead() throws Exception {
    Path file = tmp.resolve("old.jsonl");
    Files.writeString(
        file,
        "{\"time_ms\":1,\"event_type\":\"POINT_IN_TIME\",\"key\":\"train_step\",\"value\":NaN,"
            + "\"metadata\":{\"epoch_num\":1,\"step\":1,\"global_step\":1,\"learning_rate\":0.1}}\n");
    assertThat(TrainStep.KIND.decode(EventLogReader.read(file).get(0)).loss()).isNaN();
  }

  @Test
  void recordsKeepTheLineFormatOnDisk() throws Exception {
    Path file = tmp.resolve(RunFolder.EVENTS);
    try (EventLog log = EventLog.append(file, () -> 5)) {
      log.write(new EvalAccuracy(2, 0.5, 0.75, 100L, null));
      log.write(new Hyperparameter(MlLogKeys.GLOBAL_BATCH_SIZE, 256, 1));
      log.write(RunStop.of(RunStatus.SUCCESS, null));
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"time_ms\":5,\"event_type\":\"POINT_IN_TIME\",\"key\":\"eval_accuracy\",\"value\":0.5,"
                + "\"metadata\":{\"epoch_num\":2,\"top1_accuracy\":0.5,\"top5_accuracy\":0.75,\"eval_samples\":100}}",
            "{\"time_ms\":5,\"event_type\":\"POINT_IN_TIME\",\"key\":\"global_batch_size\",\"value\":256,"
                + "\"metadata\":{\"epoch_num\":1}}",
            "{\"time_ms\":5,\"event_type\":\"INTERVAL_END\",\"key\":\"run_stop\",\"value\":null,"
                + "\"metadata\":{\"status\":\"success\",\"dawn_status\":\"success\"}}");
  }

  @Test
  void aMissingOrMistypedFieldNamesTheEventAndTheField() {
    Event noEpoch =
        new Event(
            3,
            EventType.INTERVAL_END,
            MlLogKeys.EPOCH_STOP,
            null,
            Map.of(
                "train_time_ms",
                1,
                "wall_time_ms",
                1,
                "loss",
                1.0,
                "learning_rate",
                0.1,
                "images_per_second",
                1.0));
    assertThatThrownBy(() -> EpochStop.KIND.decode(noEpoch))
        .hasMessageContaining("epoch_stop")
        .hasMessageContaining("epoch_num");
    Event textLoss =
        new Event(
            3,
            EventType.INTERVAL_END,
            MlLogKeys.EPOCH_STOP,
            null,
            Map.of(
                "epoch_num",
                1,
                "train_time_ms",
                1,
                "wall_time_ms",
                1,
                "loss",
                "low",
                "learning_rate",
                0.1,
                "images_per_second",
                1.0));
    assertThatThrownBy(() -> RunRecord.fromEvents(List.of(new RunStart("r").toEvent(1), textLoss)))
        .hasMessageContaining("epoch_stop")
        .hasMessageContaining("loss");
  }
}
