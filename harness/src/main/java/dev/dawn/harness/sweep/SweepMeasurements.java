package dev.dawn.harness.sweep;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.project.ConfigRecipe;
import dev.dawn.harness.project.MeasuredCell;
import dev.dawn.reporters.stats.SampleSummary;
import dev.dawn.reporters.sweep.CellSummary;
import dev.dawn.reporters.sweep.SweepResults;
import dev.dawn.reporters.sweep.SweepTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * A sweep folder as the projection reads it: each cell's bound config (its recipe, model, workers,
 * link and fusion threshold, as its runs trained them) beside the per-cell figures of {@code
 * summary.csv} ({@link CellSummary}: the same medians and intervals the sweep's files show). Cells
 * without a finished run are left out.
 */
public final class SweepMeasurements {
  private SweepMeasurements() {}

  /**
   * @throws IllegalArgumentException when {@code dir} is not a sweep folder or none of its runs
   *     finished
   */
  public static List<MeasuredCell> read(Path dir) {
    if (!SweepFolder.isSweepFolder(dir)) {
      throw new IllegalArgumentException(
          dir
              + ": not a sweep folder (it needs "
              + SweepFolder.SPEC_FILE
              + " and "
              + SweepFolder.BASE_CONFIG_FILE
              + ", as 'dawn sweep' writes them)");
    }
    SweepSpec spec = SweepFolder.savedSpec(dir);
    SweepPlan plan = SweepValidation.check(spec);
    Map<Integer, CellSummary> measured =
        SweepTables.cells(SweepResults.read(dir)).stream()
            .collect(Collectors.toMap(CellSummary::cell, c -> c));
    if (measured.isEmpty())
      throw new IllegalArgumentException(dir + ": no run of the sweep has finished yet");
    ConfigLoader loader = new ConfigLoader();
    List<MeasuredCell> cells = new ArrayList<>();
    for (SweepCell cell : plan.cells()) {
      CellSummary m = measured.get(cell.number());
      if (m == null) continue;
      TrainConfig c = SweepValidation.config(loader, spec, cell, 1, plan.firstSeed()).config();
      var recipe = ConfigRecipe.of(c);
      SampleSummary seconds = m.seconds();
      boolean reached = Double.isFinite(seconds.median());
      cells.add(
          new MeasuredCell(
              cell.number(),
              cell.plainValues(),
              recipe.plan(),
              recipe.model(),
              spec.workers(),
              c.distributed().network(),
              c.distributed().fusion().thresholdBytes(),
              m.n(),
              median(m.computeMsPerStep()),
              median(m.exposedCommMsPerStep()),
              reached ? seconds.median() : null,
              reached ? finite(seconds, s -> s.interval().low()) : null,
              reached ? finite(seconds, s -> s.interval().high()) : null,
              Double.isFinite(m.epochs().median()) ? m.epochs().median() : null));
    }
    return cells;
  }

  private static Double median(SampleSummary s) {
    return s == null || !Double.isFinite(s.median()) ? null : s.median();
  }

  private static Double finite(SampleSummary s, ToDoubleFunction<SampleSummary> value) {
    double v = value.applyAsDouble(s);
    return Double.isFinite(v) ? v : null;
  }
}
