package dev.dawn.reporters.charts;

import dev.dawn.reporters.record.EpochRecord;
import java.util.List;

/** One run's evaluated epochs under a legend label. */
public record RunCurve(String label, List<EpochRecord> epochs) {
  public RunCurve {
    epochs = List.copyOf(epochs);
  }
}
