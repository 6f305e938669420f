package dev.dawn.harness.config;

import dev.dawn.harness.config.ConfigRuleException.Rules;
import dev.dawn.workloads.inference.quant.CalibrationMethod;
import dev.dawn.workloads.precision.InferencePrecision;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code dawn infer} measures and how, bound from {@code infer-defaults.yaml}, an optional
 * file, the command's flags and {@code --set} like a training config ({@link
 * ConfigSchema#INFERENCE}): every key has a default, an unknown key or a bad value is one line
 * naming where it was written. The effective config is the inference run's {@code config.yaml}.
 *
 * @param precisions the precisions measured, each once
 * @param accuracyBudget top-1 points a variant may lose against fp32 before it is marked
 * @param exportSavedModel a folder to write the folded fp32 net into as a SavedModel, or null
 */
public record InferenceConfig(
    ModelConfig model,
    List<InferencePrecision> precisions,
    PruneConfig prune,
    MeasureConfig measure,
    Int8Config int8,
    ThreadsConfig threads,
    double accuracyBudget,
    String exportSavedModel) {

  public InferenceConfig {
    precisions = precisions == null ? null : List.copyOf(precisions);
    new Rules()
        .require(
            precisions != null && !precisions.isEmpty(),
            "precisions",
            "needs at least one of " + InferencePrecision.allowedNames())
        .require(
            precisions == null || new HashSet<>(precisions).size() == precisions.size(),
            "precisions",
            "names a precision twice: " + precisions)
        .require(
            accuracyBudget >= 0 && Double.isFinite(accuracyBudget),
            "accuracyBudget",
            "must be a finite number of points >= 0, got " + accuracyBudget)
        .require(
            model == null || (model.path() == null) != (model.randomResnet50() == null),
            "model.path",
            "give either model.path (a training run folder or a SavedModel folder, --model) or"
                + " model.randomResnet50 (--random-resnet50 PX), not both or neither")
        .require(
            prune == null || model == null || prune.fineTuneEpochs() == 0 || model.path() != null,
            "prune.fineTuneEpochs",
            "needs model.path, a trained run (--model RUN_FOLDER): only it has unfolded weights and"
                + " a recipe to fine-tune with")
        .require(
            prune == null || prune.fineTuneLearningRate() == null || prune.fineTuneEpochs() > 0,
            "prune.fineTuneLearningRate",
            "needs prune.fineTuneEpochs >= 1 (--fine-tune-epochs N)")
        .throwIfBroken();
  }

  /**
   * What is measured.
   *
   * @param path a training run folder or a SavedModel folder dawn exported, or null
   * @param randomResnet50 instead of {@code path}: ResNet-50 v1.5 at this many px with random
   *     weights (latency only)
   * @param dataConfig the training config whose data and threads apply to a random net or a
   *     SavedModel (a trained run brings its own)
   */
  public record ModelConfig(String path, Integer randomResnet50, String dataConfig) {
    public ModelConfig {
      new Rules()
          .require(
              randomResnet50 == null || randomResnet50 >= 32,
              "randomResnet50",
              "must be a resolution >= 32 px, got " + randomResnet50)
          .require(dataConfig != null && !dataConfig.isBlank(), "dataConfig", "needs a config file")
          .throwIfBroken();
    }
  }

  /**
   * Channel pruning.
   *
   * @param ratios fractions of each prunable conv's (or residual group's) channels removed
   * @param residualGroups also prune channels that meet a residual add, as groups
   * @param fineTuneEpochs > 0: retrain each pruned model this many epochs (trained runs only)
   * @param fineTuneLearningRate the fine-tune's base learning rate; null: the run's x 0.1
   */
  public record PruneConfig(
      List<Double> ratios,
      boolean residualGroups,
      int fineTuneEpochs,
      Double fineTuneLearningRate) {
    public PruneConfig {
      ratios = ratios == null ? null : List.copyOf(ratios);
      Rules rules =
          new Rules()
              .require(ratios != null && !ratios.isEmpty(), "ratios", "needs at least one ratio")
              .atLeast("fineTuneEpochs", fineTuneEpochs, 0)
              .require(
                  fineTuneLearningRate == null || fineTuneLearningRate > 0,
                  "fineTuneLearningRate",
                  "must be > 0, got " + fineTuneLearningRate);
      if (ratios != null) {
        for (double r : ratios) {
          rules.require(r >= 0 && r < 1, "ratios", "each must be in [0, 1), got " + r);
        }
      }
      rules.throwIfBroken();
    }
  }

  /**
   * How latency is measured.
   *
   * @param limit 0: every validation image, as DAWNBench requires; else this many, evenly spaced
   * @param profileSteps batch-1 passes traced per variant after the timed pass; 0: none
   * @param fixedWorkPasses after the batch-1 pass, this many of its images again, each followed by
   *     fixed work on the model's threads, at most one per timed image: the machine's own tail
   *     beside the model's; 0: none
   */
  public record MeasureConfig(
      List<Integer> batchSizes,
      int batchRepeats,
      int warmupImages,
      int limit,
      int profileSteps,
      int fixedWorkPasses) {
    public MeasureConfig {
      batchSizes = batchSizes == null ? null : List.copyOf(batchSizes);
      Rules rules =
          new Rules()
              .require(
                  batchSizes != null && !batchSizes.isEmpty(),
                  "batchSizes",
                  "needs at least one batch size")
              .atLeast("batchRepeats", batchRepeats, 1)
              .atLeast("warmupImages", warmupImages, 0)
              .atLeast("limit", limit, 0)
              .atLeast("profileSteps", profileSteps, 0)
              .atLeast("fixedWorkPasses", fixedWorkPasses, 0);
      if (batchSizes != null) {
        for (int b : batchSizes) {
          rules.require(b >= 1, "batchSizes", "each must be >= 1, got " + b);
        }
      }
      rules.throwIfBroken();
    }
  }

  /** INT8 quantization. */
  public record Int8Config(
      CalibrationMethod calibration,
      int calibrationImages,
      boolean firstConvFp32,
      boolean lastConvFp32) {
    public Int8Config {
      new Rules()
          .require(
              calibration != null,
              "calibration",
              "needs a value: one of " + CalibrationMethod.configNames())
          .atLeast("calibrationImages", calibrationImages, 1)
          .throwIfBroken();
    }
  }

  /**
   * TensorFlow's thread pools for inference; null takes the data config's, 0 TF's default (one per
   * core).
   */
  public record ThreadsConfig(Integer intraOp, Integer interOp) {
    public ThreadsConfig {
      new Rules()
          .require(intraOp == null || intraOp >= 0, "intraOp", "must be >= 0, got " + intraOp)
          .require(interOp == null || interOp >= 0, "interOp", "must be >= 0, got " + interOp)
          .throwIfBroken();
    }
  }
}
