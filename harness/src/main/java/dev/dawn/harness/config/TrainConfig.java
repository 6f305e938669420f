package dev.dawn.harness.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dawn.harness.config.ConfigRuleException.Rules;
import dev.dawn.harness.run.MachineEnvironment;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.dawnbench.DawnbenchFileName;
import dev.dawn.reporters.events.MlPerfSubmission;
import dev.dawn.workloads.models.ConvWidths;
import dev.dawn.workloads.models.DataFormat;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.arch.Architecture;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The effective configuration of one training run, bound from a YAML file over the built-in
 * defaults ({@code defaults.yaml} beside this class, the one place defaults are written), a {@code
 * --scale} and {@code --set} overrides. Every choice is an enum and every range is checked by the
 * record that holds it, so a config that binds is a config that runs. Every key is documented in
 * docs/config.md.
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
    SubmissionConfig submission,
    DistributedConfig distributed) {

  public TrainConfig {
    reference = reference == null ? Map.of() : reference;
    scales = scales == null ? Map.of() : scales;
    Rules rules = new Rules();
    rules.require(
        name != null && name.matches("[A-Za-z0-9._-]{1,64}"),
        "name",
        "must be 1-64 characters of letters, digits, '.', '_' or '-' (it names the run folder)");
    if (distributed != null && train != null && distributed.shares() > 1) {
      // Each worker, and each replica inside it, takes an equal contiguous share of every
      // (micro-)batch.
      int shares = distributed.shares() * train.accumulationSteps();
      String rule =
          " must be divisible by "
              + (distributed.workerCount() > 1
                  ? "the worker count of distributed.workers (" + distributed.workerCount() + ") x "
                  : "")
              + "distributed.replicas ("
              + distributed.replicas()
              + ")"
              + (train.accumulationSteps() > 1
                  ? " x train.accumulationSteps (" + train.accumulationSteps() + ")"
                  : "")
              + ": each replica trains on an equal share of the global batch";
      rules.require(
          train.batchSize() % shares == 0, "train.batchSize", "(" + train.batchSize() + ")" + rule);
      for (int i = 0; i < train.phases().size(); i++) {
        int b = train.phases().get(i).batchSize();
        rules.require(b % shares == 0, "train.phases[" + i + "].batchSize", "(" + b + ")" + rule);
      }
    }
    if (submission != null && model != null) {
      // the fields are not assigned yet in a compact constructor: the parameters are passed
      String basename = dawnbenchFileBasename(submission, model);
      DawnbenchFileName.problemOfRun(basename)
          .ifPresent(
              problem ->
                  rules.require(
                      false,
                      "submission." + namePartToFix(submission),
                      "goes into the DAWNBench file name '"
                          + shortened(basename)
                          + "' (<author>_<model>_<hardwareTag>_<framework>), which "
                          + problem));
    }
    rules.throwIfBroken();
  }

  /**
   * The base name of the run's DAWNBench TSV and JSON: {@code <author>_<model>_<hardware
   * tag>_<framework>}, author, model architecture and framework reduced to lower-case letters and
   * digits, the hardware tag as given ({@code auto}: this machine's). Bound configs hold only names
   * the writer takes ({@link DawnbenchFileName}).
   */
  public String dawnbenchFileBasename() {
    return dawnbenchFileBasename(submission, model);
  }

  private static String dawnbenchFileBasename(SubmissionConfig submission, ModelConfig model) {
    return String.join(
        "_",
        slug(submission.author()),
        slug(model.architecture().configName()),
        submission.machineHardwareTag(),
        slug(submission.framework()));
  }

  /**
   * The submission key to change when the file name is refused: the hardware tag, the only part
   * taken as written, when it is no plain name; else the longest part.
   */
  private static String namePartToFix(SubmissionConfig submission) {
    String tag = submission.machineHardwareTag();
    if (DawnbenchFileName.problem(tag).isPresent()) return "hardwareTag";
    Map<String, Integer> lengths =
        Map.of(
            "author", slug(submission.author()).length(),
            "hardwareTag", tag.length(),
            "framework", slug(submission.framework()).length());
    return lengths.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static String slug(String text) {
    String s = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    return s.isEmpty() ? "x" : s;
  }

  private static String shortened(String text) {
    return text.length() <= 80 ? text : text.substring(0, 60) + "...";
  }

  /**
   * Data-parallel training: {@code replicas} mirrored copies of the model per process, one per
   * device, and optionally several worker processes ({@code workers}, this one being {@code
   * taskIndex}); gradients are averaged every step by all-reduces packed into fusion buckets. A
   * worker's server is refused on a public address unless {@code allowPublicAddresses}. {@code
   * network} is the link {@code dawn launch} gives its workers on one machine (a run on several
   * hosts records it and is not changed by it).
   */
  public record DistributedConfig(
      int replicas,
      FusionConfig fusion,
      int timeoutSeconds,
      List<String> workers,
      int taskIndex,
      boolean allowPublicAddresses,
      WorkerLink network) {
    /** {@code host:port}, the form TensorFlow's cluster specs use. */
    private static final java.util.regex.Pattern ADDRESS =
        java.util.regex.Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");

    public DistributedConfig {
      workers = workers == null ? List.of() : List.copyOf(workers);
      Rules rules =
          new Rules()
              .atLeast("replicas", replicas, 1)
              .require(
                  replicas <= 64,
                  "replicas",
                  "must be <= 64 (one device per replica), got " + replicas)
              .require(fusion != null, "fusion", "needs a value, e.g. {thresholdBytes: 67108864}")
              .require(network != null, "network", WorkerLink.RULE)
              .atLeast("timeoutSeconds", timeoutSeconds, 1)
              .atLeast("taskIndex", taskIndex, 0);
      for (int i = 0; i < workers.size(); i++) {
        String w = workers.get(i);
        var m = w == null ? null : ADDRESS.matcher(w);
        boolean ok = m != null && m.matches() && Integer.parseInt(m.group(2)) <= 65535;
        rules.require(
            ok,
            "workers",
            "entry " + i + " ('" + w + "') must be host:port with a port from 1 to 65535");
        if (ok && Integer.parseInt(m.group(2)) == 0)
          rules.require(false, "workers", "entry " + i + " ('" + w + "') needs a port, not 0");
      }
      rules.require(
          workers.size() == new java.util.HashSet<>(workers).size(),
          "workers",
          "must list each host:port once, got " + workers);
      rules.require(
          workers.isEmpty() ? taskIndex == 0 : taskIndex < workers.size(),
          "taskIndex",
          workers.isEmpty()
              ? "must be 0 without distributed.workers, got " + taskIndex
              : "must index distributed.workers (0 to "
                  + (workers.size() - 1)
                  + "), got "
                  + taskIndex);
      rules.throwIfBroken();
    }

    /** Worker processes of the run; 1 without {@code workers} (this process alone). */
    public int workerCount() {
      return Math.max(1, workers.size());
    }

    /** Model copies over the whole cluster: each takes an equal share of the global batch. */
    public int shares() {
      return workerCount() * replicas;
    }

    /** The workers as the workloads name them ({@code Cluster.LOCAL} without workers). */
    public dev.dawn.workloads.distributed.Cluster cluster() {
      return workers.isEmpty()
          ? dev.dawn.workloads.distributed.Cluster.LOCAL
          : new dev.dawn.workloads.distributed.Cluster(workers, taskIndex);
    }

    /** The workloads' form of these keys. */
    public dev.dawn.workloads.distributed.ReplicaSettings settings() {
      return new dev.dawn.workloads.distributed.ReplicaSettings(
          replicas, fusion.thresholdBytes(), timeoutSeconds, cluster());
    }
  }

  /** Gradient fusion: the largest all-reduce message; 0 sends every gradient tensor alone. */
  public record FusionConfig(long thresholdBytes) {
    public FusionConfig {
      new Rules().atLeast("thresholdBytes", thresholdBytes, 0).throwIfBroken();
    }
  }

  /** Where the images come from. */
  public record DataConfig(
      DataKind kind,
      String path,
      SyntheticConfig synthetic,
      int workers,
      int prefetchBatches,
      boolean cacheDecoded,
      double minCropScale) {
    public DataConfig {
      new Rules()
          .require(
              kind != null, "kind", "needs a value: one of " + Arrays.toString(DataKind.values()))
          .require(path != null && !path.isBlank(), "path", "must name a folder")
          .atLeast("workers", workers, 1)
          .atLeast("prefetchBatches", prefetchBatches, 1)
          .require(
              minCropScale > 0 && minCropScale <= 1,
              "minCropScale",
              "must be in (0, 1], got " + minCropScale)
          .throwIfBroken();
    }
  }

  /**
   * The embedded data set's shape and difficulty preset; generated once into {@code data.path} and
   * reused while the manifest matches.
   */
  public record SyntheticConfig(
      int classes,
      int trainPerClass,
      int valPerClass,
      int imageSize,
      long seed,
      dev.dawn.workloads.data.SyntheticPreset preset) {
    public SyntheticConfig {
      new Rules()
          .require(
              preset != null,
              "preset",
              "needs a value: one of "
                  + Arrays.toString(dev.dawn.workloads.data.SyntheticPreset.values()))
          .atLeast("classes", classes, 2)
          .atLeast("trainPerClass", trainPerClass, 1)
          .atLeast("valPerClass", valPerClass, 1)
          .atLeast("imageSize", imageSize, 8)
          .throwIfBroken();
    }
  }

  /**
   * Which network; {@code channels} narrows single convs by name (how a pruned model is described),
   * empty for the published widths x {@code width}.
   */
  public record ModelConfig(
      Architecture architecture,
      double width,
      ModelVariant variant,
      DataFormat dataFormat,
      Map<String, Integer> channels) {
    public ModelConfig {
      channels =
          channels == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(channels));
      Rules rules =
          new Rules()
              .require(
                  architecture != null,
                  "architecture",
                  "needs a value: one of " + Architecture.configNames())
              .require(
                  width > 0 && width <= 4,
                  "width",
                  "must be in (0, 4] (1.0 = the published widths), got " + width)
              .require(
                  variant != null,
                  "variant",
                  "needs a value: one of " + Arrays.toString(ModelVariant.values()))
              .require(
                  dataFormat != null,
                  "dataFormat",
                  "needs a value: one of " + Arrays.toString(DataFormat.values()));
      channels.forEach(
          (conv, count) ->
              rules.require(
                  count != null && count >= 1,
                  "channels",
                  "entry '" + conv + "' must be a channel count >= 1, got " + count));
      rules.throwIfBroken();
      try {
        // The network the keys describe must exist (e.g. resnet9 has no variants); the class count
        // does not matter.
        ModelSpec spec =
            new ModelSpec(
                architecture.configName(), 2, width, variant.modelSpecVariant(), null, channels);
        if (!channels.isEmpty()) {
          try {
            ConvWidths.of(spec);
          } catch (IllegalArgumentException e) {
            rules.require(
                false,
                "channels",
                "is invalid: " + e.getMessage().replaceFirst("^model channels: ", ""));
          }
        }
      } catch (IllegalArgumentException e) {
        rules.require(
            false,
            e.getMessage().contains("variant") ? "variant" : "architecture",
            "does not fit: " + e.getMessage());
      }
      rules.throwIfBroken();
    }

    /** The network for a data set of {@code classes} classes. */
    public ModelSpec spec(int classes) {
      return new ModelSpec(
          architecture.configName(),
          classes,
          width,
          variant.modelSpecVariant(),
          dataFormat,
          channels);
    }
  }

  /**
   * The time-to-accuracy loop: epochs, batch, resolution, and the target that stops it. {@code
   * precision} is the compute dtype; {@code lossScale} applies to fp16 only. {@code
   * checkpointEveryEpochs} (0 = only the run's last) and {@code keepCheckpoints} say which
   * TensorFlow checkpoints the run keeps.
   */
  public record TrainingConfig(
      int epochs,
      int batchSize,
      int resolution,
      int evalResolution,
      int evalBatchSize,
      TargetMetric targetMetric,
      double targetAccuracy,
      long seed,
      int logEverySteps,
      int accumulationSteps,
      Precision precision,
      LossScale lossScale,
      List<Phase> phases,
      String initWeights,
      boolean stopAtTarget,
      double evalEveryEpochs,
      int checkpointEveryEpochs,
      int keepCheckpoints) {

    public TrainingConfig {
      phases = phases == null ? List.of() : List.copyOf(phases);
      initWeights = initWeights == null ? "" : initWeights;
      Rules rules =
          new Rules()
              .atLeast("epochs", epochs, 1)
              .atLeast("batchSize", batchSize, 1)
              .atLeast("resolution", resolution, 8)
              .atLeast("evalResolution", evalResolution, 8)
              .atLeast("evalBatchSize", evalBatchSize, 1)
              .atLeast("logEverySteps", logEverySteps, 1)
              .atLeast("checkpointEveryEpochs", checkpointEveryEpochs, 0)
              .atLeast("keepCheckpoints", keepCheckpoints, 1)
              .require(
                  targetMetric != null,
                  "targetMetric",
                  "needs a value: one of " + Arrays.toString(TargetMetric.values()))
              .atLeast("accumulationSteps", accumulationSteps, 1)
              .require(
                  precision != null,
                  "precision",
                  "needs a value: one of " + Precision.allowedNames())
              .require(
                  lossScale != null,
                  "lossScale",
                  "needs a value: dynamic, none or a positive number")
              .require(
                  targetAccuracy > 0 && targetAccuracy <= 100,
                  "targetAccuracy",
                  "must be a percentage in (0, 100], got " + targetAccuracy)
              .require(
                  EvaluationInterval.isValid(evalEveryEpochs),
                  "evalEveryEpochs",
                  EvaluationInterval.RULE + ", got " + evalEveryEpochs);
      if (accumulationSteps > 1 && batchSize >= 1) {
        rules.require(
            batchSize % accumulationSteps == 0,
            "accumulationSteps",
            "must divide train.batchSize (" + batchSize + ") into equal micro-batches");
        for (int i = 0; i < phases.size(); i++) {
          rules.require(
              phases.get(i).batchSize() % accumulationSteps == 0,
              "phases[" + i + "].batchSize",
              "must be divisible by train.accumulationSteps (" + accumulationSteps + ")");
        }
      }
      rules.throwIfBroken();
    }

    /**
     * The phase that covers {@code epoch} (1-based); epochs past the last phase keep the last one.
     */
    public Phase phaseOf(int epoch) {
      if (phases.isEmpty()) return new Phase(epochs, resolution, batchSize);
      int end = 0;
      for (Phase p : phases) {
        end += p.epochs();
        if (epoch <= end) return p;
      }
      return phases.get(phases.size() - 1);
    }

    /**
     * Every batch size this loop uses must fit in the training split: a larger one leaves an epoch
     * without a single step (the pipeline drops the incomplete last batch), which would be a "run"
     * that trains nothing.
     *
     * @param split how the training split was counted, for the message
     * @return the broken rules, keys relative to {@code train}; empty when every epoch has a step
     */
    public List<ConfigRuleException.Broken> batchesFit(long trainImages, String split) {
      List<ConfigRuleException.Broken> broken = new ArrayList<>();
      String rule =
          " is larger than the training split ("
              + trainImages
              + " images, "
              + split
              + "): an epoch would have no step; lower the batch or use more training images";
      if (phases.isEmpty()) {
        if (batchSize > trainImages)
          broken.add(new ConfigRuleException.Broken("batchSize", "(" + batchSize + ")" + rule));
      } else {
        for (int i = 0; i < phases.size(); i++) {
          int b = phases.get(i).batchSize();
          if (b > trainImages)
            broken.add(
                new ConfigRuleException.Broken(
                    "phases[" + i + "].batchSize", "(" + b + ")" + rule));
        }
      }
      return broken;
    }
  }

  /**
   * One range of epochs at one resolution and batch size (progressive resizing, as in the DAWNBench
   * records).
   */
  public record Phase(
      @JsonProperty(required = true) int epochs,
      @JsonProperty(required = true) int resolution,
      @JsonProperty(required = true) int batchSize) {
    public Phase {
      new Rules()
          .atLeast("epochs", epochs, 1)
          .atLeast("resolution", resolution, 8)
          .atLeast("batchSize", batchSize, 1)
          .throwIfBroken();
    }
  }

  /**
   * Optimizer and schedules. Keys a schedule leaves out come from the recipe ({@link
   * dev.dawn.harness.train.RecipeSchedules}).
   */
  public record OptimizerConfig(
      OptimizerName name,
      double learningRate,
      double momentum,
      boolean nesterov,
      double weightDecay,
      boolean decayBnAndBias,
      double labelSmoothing,
      double warmupEpochs,
      double larsEta,
      double larsEpsilon,
      ScheduleSpec.LearningRate schedule,
      ScheduleSpec.Momentum momentumSchedule) {
    public OptimizerConfig {
      new Rules()
          .require(
              name != null,
              "name",
              "needs a value: one of " + Arrays.toString(OptimizerName.values()))
          .require(learningRate > 0, "learningRate", "must be > 0, got " + learningRate)
          .require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got " + momentum)
          .require(weightDecay >= 0, "weightDecay", "must be >= 0, got " + weightDecay)
          .require(
              labelSmoothing >= 0 && labelSmoothing < 1,
              "labelSmoothing",
              "must be in [0, 1), got " + labelSmoothing)
          .require(warmupEpochs >= 0, "warmupEpochs", "must be >= 0, got " + warmupEpochs)
          .require(larsEta > 0, "larsEta", "must be > 0, got " + larsEta)
          .require(
              larsEpsilon >= 0 && larsEpsilon < 1,
              "larsEpsilon",
              "must be in [0, 1), got " + larsEpsilon)
          .require(schedule != null, "schedule", "needs a schedule, e.g. {type: linear_cosine}")
          .require(
              momentumSchedule != null,
              "momentumSchedule",
              "needs a schedule, e.g. {type: constant}")
          .throwIfBroken();
    }
  }

  /** TensorFlow's thread pools; 0 means TensorFlow's default (one per core). */
  public record ThreadConfig(int intraOp, int interOp) {
    public ThreadConfig {
      new Rules().atLeast("intraOp", intraOp, 0).atLeast("interOp", interOp, 0).throwIfBroken();
    }
  }

  /**
   * What the DAWNBench JSON says about this entry; {@code hardware} "auto" is filled from the
   * machine. {@code mlperfDivision} and {@code mlperfStatus} are the MLPerf submission's, which the
   * DAWNBench JSON has no field for.
   */
  public record SubmissionConfig(
      String author,
      String authorEmail,
      String framework,
      String codeURL,
      String model,
      String hardware,
      String hardwareTag,
      Double costPerHour,
      Boolean usedBlacklist,
      String mlperfDivision,
      String mlperfStatus) {
    public SubmissionConfig {
      Rules rules =
          new Rules()
              .require(
                  costPerHour == null || costPerHour >= 0,
                  "costPerHour",
                  "must be >= 0 (USD per hour, on-demand price; 0 or null: no price), got "
                      + costPerHour)
              .require(hardwareTag != null, "hardwareTag", "needs a value ('auto': this machine's)")
              .require(
                  MlPerfSubmission.DIVISIONS.contains(mlperfDivision),
                  "mlperfDivision",
                  "must be one of " + MlPerfSubmission.DIVISIONS + ", got " + mlperfDivision)
              .require(
                  MlPerfSubmission.STATUSES.contains(mlperfStatus),
                  "mlperfStatus",
                  "must be one of " + MlPerfSubmission.STATUSES + ", got " + mlperfStatus);
      Map<String, String> texts =
          Map.of(
              "author", String.valueOf(author),
              "authorEmail", String.valueOf(authorEmail),
              "framework", String.valueOf(framework),
              "model", String.valueOf(model),
              "hardware", String.valueOf(hardware));
      // The fields the DAWNBench writer requires, by its own list.
      for (String field : DawnbenchEntry.REQUIRED_TEXT) {
        String value = texts.get(field);
        rules.require(
            !value.equals("null") && !value.isBlank(),
            field,
            "must not be empty (DAWNBench requires it)");
      }
      rules.throwIfBroken();
    }

    /** {@code hardware}, or this machine's description when it is {@code auto}. */
    public String machineHardware() {
      return "auto".equals(hardware) ? MachineEnvironment.hardwareLine() : hardware;
    }

    /** {@code hardwareTag}, or this machine's tag (e.g. {@code 2c-amd-epyc}) when {@code auto}. */
    public String machineHardwareTag() {
      return "auto".equals(hardwareTag) ? MachineEnvironment.hardwareTag() : hardwareTag;
    }
  }
}
