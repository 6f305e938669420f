package dev.dawn.reporters.sweep;

import dev.dawn.reporters.stats.SampleSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One sweep cell over its repeats: the statistics that {@code summary.csv}, the report's cell table
 * and the sweep charts all show, computed once. Each is a {@link SampleSummary} (median, bootstrap
 * interval of the median, ...). For time and epochs to target a run that missed enters as
 * +Infinity; best accuracy and images/s count the runs that have a value.
 *
 * @param cell 1-based cell number
 * @param values the cell's grid values, in the spec's order
 * @param runs the cell's finished runs
 * @param seconds training seconds to the target
 * @param epochs epochs trained at the first evaluation at the target
 * @param bestAccuracy each run's highest value of the target's metric (percent); null when no run
 *     evaluated
 * @param imagesPerSecond each run's images over training seconds; null when no run finished an
 *     epoch
 * @param computeMsPerStep each run's forward and backward pass per step (ms); null when no run
 *     measured it
 * @param exposedCommMsPerStep each run's communication per step not hidden behind the computation
 *     (ms); null when no run measured it
 */
public record CellSummary(
    int cell,
    Map<String, Object> values,
    List<SweepRun> runs,
    SampleSummary seconds,
    SampleSummary epochs,
    SampleSummary bestAccuracy,
    SampleSummary imagesPerSecond,
    SampleSummary computeMsPerStep,
    SampleSummary exposedCommMsPerStep) {

  public CellSummary {
    runs = List.copyOf(runs);
  }

  /** The summary of one cell's runs (at least one). */
  public static CellSummary of(List<SweepRun> cellRuns) {
    SweepRun first = cellRuns.get(0);
    return new CellSummary(
        first.cell(),
        first.values(),
        cellRuns,
        SampleSummary.of(cellRuns.stream().mapToDouble(SweepRun::secondsOrInfinity).toArray()),
        SampleSummary.of(
            cellRuns.stream()
                .mapToDouble(
                    r -> r.targetEpoch() == null ? Double.POSITIVE_INFINITY : r.targetEpoch())
                .toArray()),
        present(cellRuns, SweepRun::bestAccuracy),
        present(cellRuns, SweepRun::imagesPerSecond),
        present(cellRuns, SweepRun::computeMsPerStep),
        present(cellRuns, SweepRun::exposedCommMsPerStep));
  }

  /** Finished runs. */
  public int n() {
    return runs.size();
  }

  /** Runs that reached the target. */
  public int reached() {
    return seconds.finite();
  }

  private static SampleSummary present(List<SweepRun> runs, Function<SweepRun, Double> value) {
    double[] v =
        runs.stream()
            .map(value)
            .filter(Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .toArray();
    return v.length == 0 ? null : SampleSummary.of(v);
  }
}
