package dev.dawn.reporters.compare;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run as {@code dawn compare} sees it: its measured quantities and what makes it
 * comparable with another run (task, target, data).
 *
 * @param dir the run folder as read
 * @param task the DAWNBench task verdict from the run's event log
 */
public record ComparedRun(RunDirectory dir, DawnbenchTask task) {

  public static ComparedRun read(Path folder) {
    RunDirectory dir = RunDirectory.read(folder);
    DawnbenchTask task;
    try {
      task = RunSubmission.task(EventLogReader.read(folder.resolve(RunFolder.EVENTS)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          folder.resolve(RunFolder.EVENTS) + ": " + e.getMessage(), e);
    }
    return new ComparedRun(dir, task);
  }

  public RunRecord record() {
    return dir.record();
  }

  public String id() {
    return dir.id();
  }

  /** True when an evaluated epoch reached the run's target. */
  public boolean reachedTarget() {
    return record().targetEvaluation().isPresent();
  }

  /**
   * The value of a metric for this run. A run that missed the target (diverged, stopped at its
   * epoch limit, killed) has an infinite time and epoch count: it counts as slower than every run
   * that got there. Images/s is NaN for a run without a finished epoch, best accuracy for one
   * without an evaluation.
   */
  public double value(CompareMetric metric) {
    RunRecord r = record();
    return switch (metric) {
      case TIME_TO_TARGET -> r.hoursToTarget().orElse(Double.POSITIVE_INFINITY) * 3600;
      case EPOCHS_TO_TARGET -> r.epochsToTarget().orElse(Double.POSITIVE_INFINITY);
      case IMAGES_PER_SECOND -> r.imagesPerSecond().orElse(Double.NaN);
      case BEST_ACCURACY -> r.bestAccuracy().orElse(Double.NaN);
    };
  }

  /** The DAWNBench task, in words: the entry's data set, or none. */
  public String taskName() {
    return task.isEntry() ? task.dataset() + " training" : "none (not a DAWNBench entry)";
  }

  /** The accuracy gate the run trained toward. */
  public AccuracyTarget target() {
    return record().entry().target();
  }

  /**
   * What the run trained and evaluated on: the logged task facts, the image counts and the
   * synthetic set's parameters. Two runs whose maps differ ran on different data.
   */
  public Map<String, String> data() {
    Map<String, String> d = new LinkedHashMap<>();
    DawnbenchTask.Facts f = task.facts();
    String kind = f.dataKind() != null ? f.dataKind() : dir.config().get("data.kind");
    put(d, "data.kind", kind);
    if (f.dataKind() != null) {
      put(d, "classes", Integer.toString(f.classes()));
      put(d, "validation images", Integer.toString(f.validationImages()));
      put(d, "evaluated images", Integer.toString(f.evaluatedImages()));
    }
    put(d, "train_samples", hyperparameter("train_samples"));
    put(d, "eval_samples", hyperparameter("eval_samples"));
    put(d, "initial weights", f.initWeights());
    dir.config()
        .forEach(
            (k, v) -> {
              if (k.startsWith("data.synthetic.")) {
                put(d, k, v);
              }
            });
    return d;
  }

  private String hyperparameter(String key) {
    Object v = record().hyperparameters().get(key);
    return v == null ? null : v.toString();
  }

  private static void put(Map<String, String> d, String key, String value) {
    if (value != null) {
      d.put(key, value);
    }
  }
}
