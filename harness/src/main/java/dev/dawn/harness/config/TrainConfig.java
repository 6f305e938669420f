package dev.dawn.harness.config;

import java.util.List;
import java.util.Map;

/**
 * The effective configuration of one training run, as read from a YAML file over the built-in defaults
 * ({@code defaults.yaml} beside this class) and {@code --set} overrides. Every key is documented in README.md.
 */
public record TrainConfig(
    String name,
    Map<String, Object> reference,
    Map<String, Object> scales,
    DataConfig data,
    ModelConfig model,
    TrainingConfig train,
    OptimizerConfig optimizer,
    ThreadConfig threads,
    SubmissionConfig submission) {

  /** Where the images come from. {@code kind} is synthetic, imagenet or cifar10. */
  public record DataConfig(
      String kind,
      String path,
      SyntheticConfig synthetic,
      int workers,
      int prefetchBatches,
      boolean cacheDecoded,
      double minCropScale) {}

  /** The embedded data set's shape; generated once into {@code data.path} and reused while the manifest matches. */
  public record SyntheticConfig(int classes, int trainPerClass, int valPerClass, int imageSize, long seed) {}

  /**
   * Which network: architecture resnet9, resnet18, resnet34 or resnet50; {@code channels} narrows single convs by
   * name (how a pruned model is described), empty for the published widths x {@code width}.
   */
  public record ModelConfig(String architecture, double width, String variant, String dataFormat,
      Map<String, Integer> channels) {}

  /**
   * The time-to-accuracy loop: epochs, batch, resolution, and the target that stops it. {@code precision} is fp32, bf16
   * or fp16; {@code lossScale} (fp16 only) is dynamic, none or a positive number.
   */
  public record TrainingConfig(
      int epochs,
      int batchSize,
      int resolution,
      int evalResolution,
      int evalBatchSize,
      String targetMetric,
      double targetAccuracy,
      long seed,
      int logEverySteps,
      int accumulationSteps,
      String precision,
      String lossScale,
      List<Phase> phases,
      String initWeights,
      boolean stopAtTarget) {

    /** The phase that covers {@code epoch} (1-based); epochs past the last phase keep the last one. */
    public Phase phaseOf(int epoch) {
      if (phases == null || phases.isEmpty()) return new Phase(epochs, resolution, batchSize);
      int end = 0;
      for (Phase p : phases) {
        end += p.epochs();
        if (epoch <= end) return p;
      }
      return phases.get(phases.size() - 1);
    }
  }

  /** One range of epochs at one resolution and batch size (progressive resizing, as in the DAWNBench records). */
  public record Phase(int epochs, int resolution, int batchSize) {}

  /** Optimizer and schedule; {@code schedule} is a map read by the schedule factory (type plus its keys). */
  public record OptimizerConfig(
      String name,
      double learningRate,
      double momentum,
      boolean nesterov,
      double weightDecay,
      boolean decayBnAndBias,
      double labelSmoothing,
      double warmupEpochs,
      double larsEta,
      Map<String, Object> schedule,
      Map<String, Object> momentumSchedule) {}

  /** TensorFlow's thread pools; 0 means TensorFlow's default (one per core). */
  public record ThreadConfig(int intraOp, int interOp) {}

  /** What the DAWNBench JSON says about this entry; {@code hardware} "auto" is filled from the machine. */
  public record SubmissionConfig(
      String author,
      String authorEmail,
      String framework,
      String codeURL,
      String model,
      String hardware,
      String hardwareTag,
      Double costPerHour,
      Boolean usedBlacklist) {}
}
