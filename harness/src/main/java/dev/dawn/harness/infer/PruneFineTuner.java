package dev.dawn.harness.infer;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.harness.train.TrainingRunner;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.FineTune;
import dev.dawn.reporters.events.InitialAccuracy;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.checkpoint.ModelCheckpoint;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.models.export.BnFolding;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.PruneScope;
import dev.dawn.workloads.models.export.WeightPruning;
import dev.dawn.workloads.training.ProcessThreadPools;
import dev.dawn.workloads.training.ThreadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prune, then fine-tune: the trained run's unfolded weights lose the filters {@code dawn infer
 * --prune} would remove (same L1 ranking on the folded kernels, per layer, with or without residual
 * groups), are saved inside the inference run folder, and a normal training run (its own folder
 * under the results root, with events, TSV and weights) trains that narrower model from them for a
 * few epochs with the run's own recipe at a lower learning rate. The fine-tuned weights, folded,
 * are what gets measured.
 */
public final class PruneFineTuner {
  /** Default fine-tune learning rate = the run's base learning rate / this (x 0.1). */
  public static final double DEFAULT_LR_DIVISOR = 10;

  /**
   * A pruned and fine-tuned model, and the {@code fine_tune} event of the inference run's log about
   * it.
   */
  public record FineTuned(FoldedNet net, FineTune event) {}

  private final Path trainingRun;
  private final int epochs;
  private final Double learningRate;
  private final Path resultsRoot;
  private final ProgressLine progress;
  private final boolean residualGroups;
  private final ThreadSettings threads;

  /**
   * @param trainingRun the trained run folder (config.yaml and weights/)
   * @param learningRate fine-tune base learning rate, or null for the run's / {@link
   *     #DEFAULT_LR_DIVISOR}
   * @param residualGroups also prune channel groups that meet a residual add (as {@code dawn infer
   *     --prune} does)
   * @param threads the inference's TF thread pools: fine-tuning runs in the same process, and TF
   *     sizes its pools once per process (see {@link ProcessThreadPools}), so it trains with them
   *     too
   */
  public PruneFineTuner(
      Path trainingRun,
      int epochs,
      Double learningRate,
      Path resultsRoot,
      ProgressLine progress,
      boolean residualGroups,
      ThreadSettings threads) {
    if (epochs < 1) {
      throw new IllegalArgumentException("fine-tune epochs must be >= 1, got " + epochs);
    }
    if (learningRate != null && !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "fine-tune learning rate must be > 0, got " + learningRate);
    }
    this.trainingRun = trainingRun;
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.resultsRoot = resultsRoot;
    this.progress = progress;
    this.residualGroups = residualGroups;
    this.threads = threads;
  }

  public int epochs() {
    return epochs;
  }

  /**
   * @param workDir where the pruned (not yet fine-tuned) weights are written, e.g. the inference
   *     run folder
   */
  public FineTuned fineTune(double ratio, Path workDir) throws IOException {
    ConfigLoader loader = new ConfigLoader();
    TrainConfig base = loader.load(trainingRun.resolve(RunFolder.CONFIG), List.of()).config();
    ModelWeights weights = RunModel.read(trainingRun);
    WeightPruning.PrunedWeights pruned =
        WeightPruning.prune(
            weights, base.train().evalResolution(), ratio, PruneScope.PER_LAYER, residualGroups);
    Path prunedDir = workDir.toAbsolutePath().resolve("pruned-" + label(ratio) + "-weights");
    ModelCheckpoint.write(pruned.weights(), prunedDir);

    double lr =
        learningRate != null ? learningRate : base.optimizer().learningRate() / DEFAULT_LR_DIVISOR;
    ConfigLoader.Loaded config =
        loader.load(
            trainingRun.resolve(RunFolder.CONFIG),
            overrides(base, ratio, pruned.channels(), prunedDir, lr));
    progress.message(
        String.format(
            Locale.ROOT,
            "fine-tuning the %s-pruned model (%,d -> %,d weights) for %d epoch(s) "
                + "at learning rate %.4g",
            label(ratio),
            weights.floatCount(),
            pruned.weights().floatCount(),
            epochs,
            lr));
    TrainingRunner.Outcome outcome = new TrainingRunner(config, resultsRoot, progress).run();
    if (outcome.status() == RunStatus.DIVERGED) {
      throw new IllegalStateException(
          "fine-tuning the "
              + label(ratio)
              + "-pruned model diverged: "
              + outcome.folder().dir()
              + " (try a lower --fine-tune-lr)");
    }

    FineTune event = event(ratio, lr, outcome, prunedDir);
    ModelWeights tuned = RunModel.read(outcome.folder().dir());
    progress.message(
        String.format(
            Locale.ROOT,
            "fine-tuned %s-pruned model: top-5 %.2f%% -> %.2f%% (%s)",
            label(ratio),
            event.top5Before(),
            event.top5After(),
            outcome.folder().dir()));
    return new FineTuned(BnFolding.fold(tuned, base.train().evalResolution()), event);
  }

  private List<String> overrides(
      TrainConfig base, double ratio, Map<String, Integer> channels, Path prunedDir, double lr) {
    List<String> set = new ArrayList<>();
    set.add("name=" + base.name() + "-prune" + label(ratio) + "-finetune");
    StringJoiner map = new StringJoiner(", ", "{", "}");
    new java.util.TreeMap<>(channels).forEach((conv, n) -> map.add(conv + ": " + n));
    set.add("model.channels=" + map);
    set.add("train.initWeights='" + prunedDir.toString().replace("'", "''") + "'");
    set.add("train.epochs=" + epochs);
    set.add("train.stopAtTarget=false");
    set.add("threads.intraOp=" + threads.intraOp());
    set.add("threads.interOp=" + threads.interOp());
    var phases = base.train().phases();
    if (!phases.isEmpty()) {
      // Fine-tune at the final phase's resolution and batch: the one the model is evaluated at.
      var last = phases.get(phases.size() - 1);
      set.add("train.phases=[]");
      set.add("train.resolution=" + last.resolution());
      set.add("train.batchSize=" + last.batchSize());
    }
    set.add("optimizer.learningRate=" + lr);
    set.add("optimizer.warmupEpochs=0");
    // The recipe's schedule may name epochs of the full run; a fine-tune decays from lr over its
    // own epochs.
    set.add("optimizer.schedule={type: linear_cosine}");
    set.add("optimizer.momentumSchedule={type: constant}");
    return set;
  }

  private FineTune event(double ratio, double lr, TrainingRunner.Outcome outcome, Path prunedDir) {
    List<Event> events = EventLogReader.read(outcome.folder().events());
    List<InitialAccuracy> before = InitialAccuracy.KIND.in(events);
    List<EvalAccuracy> after = EvalAccuracy.KIND.in(events);
    List<EpochStop> stops = EpochStop.KIND.in(events);
    double nan = Double.NaN;
    return new FineTune(
        ratio,
        residualGroups,
        outcome.folder().runId(),
        outcome.folder().dir().toString(),
        outcome.status().word(),
        epochs,
        lr,
        stops.isEmpty() ? 0 : stops.get(stops.size() - 1).trainTimeMs(),
        prunedDir.toString(),
        before.isEmpty() ? nan : 100 * before.get(before.size() - 1).top1(),
        before.isEmpty() ? nan : 100 * before.get(before.size() - 1).top5(),
        after.isEmpty() ? nan : 100 * after.get(after.size() - 1).top1(),
        after.isEmpty() ? nan : 100 * after.get(after.size() - 1).top5());
  }

  static String label(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
