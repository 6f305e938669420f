package dev.dawn.harness.project;

import dev.dawn.harness.config.WorkerLink;
import dev.dawn.workloads.models.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of a sweep of {@code dawn launch} runs as the projection needs it: what its runs trained
 * (recipe, model, workers, the link between them, the fusion threshold) and the medians of what
 * they measured. Figures a cell's runs did not give are null (a cell whose runs all missed the
 * target has no time to target).
 *
 * @param values the cell's swept values, dotted key to value (what {@code fit.cells} selects on)
 * @param link {@code distributed.network}: loopback or a rate
 * @param computeMs median over the runs of a step's forward and backward pass (ms)
 * @param exposedMs median over the runs of a step's communication not hidden behind it (ms)
 * @param seconds median time to target (training seconds); null when fewer than half reached it
 * @param secondsLow low end of the 95% bootstrap interval of that median
 * @param secondsHigh high end of that interval
 * @param targetEpoch median epochs trained at the first evaluation at the target
 */
public record MeasuredCell(
    int cell,
    Map<String, Object> values,
    RecipePlan plan,
    ModelSpec model,
    int workers,
    WorkerLink link,
    long fusionThresholdBytes,
    int runs,
    Double computeMs,
    Double exposedMs,
    Double seconds,
    Double secondsLow,
    Double secondsHigh,
    Double targetEpoch) {

  public MeasuredCell {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
