package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLifecycleTest {
  @TempDir Path tmp;

  private List<Event> log(java.util.function.Consumer<RunLifecycle> steps) {
    Path file = tmp.resolve(RunFolder.EVENTS);
    AtomicLong clock = new AtomicLong(100);
    try (EventLog events = EventLog.append(file, clock::incrementAndGet)) {
      steps.accept(RunLifecycle.begin(events, "r1", 7));
    }
    return EventLogReader.read(file);
  }

  @Test
  void initStartIsStampedWhenPreparationBeganAndTheRunStartsOnce() {
    List<Event> events =
        log(
            run -> {
              run.startRun();
              run.startRun();
              run.stop(RunStatus.TARGET_NOT_REACHED, null);
            });
    assertThat(events)
        .extracting(Event::key)
        .containsExactly(
            MlLogKeys.INIT_START, MlLogKeys.INIT_STOP, MlLogKeys.RUN_START, MlLogKeys.RUN_STOP);
    assertThat(events.get(0).timeMs()).isEqualTo(7);
    assertThat(events.get(3).meta("status")).isEqualTo(RunStop.MLPERF_ABORTED);
  }

  @Test
  void aRunThatFailsWhileInitialisingStillEndsInOrder() {
    List<Event> events = log(run -> run.stop(RunStatus.FAILED, "no such weights"));
    assertThat(events)
        .extracting(Event::key)
        .containsExactly(
            MlLogKeys.INIT_START, MlLogKeys.INIT_STOP, MlLogKeys.RUN_START, MlLogKeys.RUN_STOP);
    assertThat(RunStop.KIND.decode(events.get(3)).status()).isEqualTo("failed");
    assertThat(RunStop.KIND.decode(events.get(3)).reason()).isEqualTo("no such weights");
  }

  @Test
  void aLogCutOffWhileInitialisingSaysSo() {
    List<Event> events = log(run -> {});
    assertThat(events).extracting(Event::key).containsExactly(MlLogKeys.INIT_START);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunRecord.fromEvents(events))
        .hasMessageContaining("no run_start")
        .hasMessageContaining("while initialising");
  }
}
