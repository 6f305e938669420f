package dev.dawn.reporters.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.record.StepRecord;
import dev.dawn.reporters.record.StepSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepSeriesTest {
  @Test
  void readsTrainStepEventsAndKeepsThemOutOfTheHyperparameters() {
    List<Event> events =
        EventLogReader.read(Path.of("src/test/resources/runs/imagenet-reached/events.jsonl"));
    List<StepRecord> steps = StepSeries.fromEvents(events);
    assertThat(steps).extracting(StepRecord::globalStep).containsExactly(100L, 200L, 300L, 400L);
    assertThat(steps.get(2)).isEqualTo(new StepRecord(2, 100, 300, 3.2, 0.06, 0.9, 25.0));
    RunRecord record = RunRecord.fromEvents(events);
    assertThat(record.hyperparameters())
        .doesNotContainKey("train_step")
        .containsEntry("global_batch_size", 256);
    assertThat(record.hoursToTarget()).hasValue(3.0);
  }

  @Test
  void noStepsInOlderLogsAndBadStepsNameTheField() {
    assertThat(
            StepSeries.fromEvents(
                EventLogReader.read(
                    Path.of("src/test/resources/runs/cifar-finished/events.jsonl"))))
        .isEmpty();
    Event bad =
        new Event(
            5,
            "POINT_IN_TIME",
            "train_step",
            1.0,
            Map.of("epoch_num", 1, "step", 1, "global_step", 1));
    assertThatThrownBy(() -> StepSeries.fromEvents(List.of(bad)))
        .hasMessageContaining("learning_rate")
        .hasMessageContaining("train_step");
    Event noLoss = new Event(5, "POINT_IN_TIME", "train_step", "x", Map.of());
    assertThatThrownBy(() -> StepSeries.fromEvents(List.of(noLoss)))
        .hasMessageContaining("training loss");
  }
}
