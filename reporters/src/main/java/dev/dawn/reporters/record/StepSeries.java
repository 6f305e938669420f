package dev.dawn.reporters.record;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.TrainStep;
import java.util.List;

/**
 * The per-step series of a run ({@code train_step} events), kept apart from {@link RunRecord}
 * because it is only needed for charts and can be long.
 */
public final class StepSeries {
  private StepSeries() {}

  /**
   * The {@code train_step} samples in log order; empty for logs written before the runner logged
   * steps.
   */
  public static List<StepRecord> fromEvents(List<Event> events) {
    return TrainStep.KIND.in(events).stream()
        .map(
            s ->
                new StepRecord(
                    s.epoch(),
                    s.step(),
                    s.globalStep(),
                    s.loss(),
                    s.learningRate(),
                    s.momentum() == null ? Double.NaN : s.momentum(),
                    s.imagesPerSecond() == null ? Double.NaN : s.imagesPerSecond()))
        .toList();
  }
}
