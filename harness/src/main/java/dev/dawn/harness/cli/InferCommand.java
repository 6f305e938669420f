package dev.dawn.harness.cli;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.InferenceConfig;
import dev.dawn.harness.config.InferenceConfigLoader;
import dev.dawn.harness.infer.InferenceRunner;
import dev.dawn.harness.infer.PruneFineTuner;
import dev.dawn.harness.numerics.GateDecision;
import dev.dawn.harness.numerics.NumericsGate;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.inference.bench.InferenceBench;
import dev.dawn.workloads.inference.bench.InferenceVariant;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ExportedModel;
import dev.dawn.workloads.models.export.RandomNets;
import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.precision.InferencePrecision;
import dev.dawn.workloads.training.ThreadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    defaultValueProvider = InferFlag.Defaults.class,
    description = {
      "DAWNBench inference latency of a trained run (or of a SavedModel dawn exported): batch norm is "
          + "folded into the convolutions, weights become constants, and every validation image is classified one at a "
          + "time (batch 1). Latency = total model "
          + "time / images (DAWNBench), with min/mean/p50/p90/p95/p99/max (LoadGen nearest rank), preprocessing (decode, "
          + "resize, crop) timed apart, warm-up images excluded, top-1/top-5 from the same pass. Then throughput and "
          + "per-batch latency for each batch size. Sweeps precision (fp32, int8 with calibrated activation ranges) "
          + "x channel-pruning ratio (L1-norm filter ranking; --fine-tune-epochs N retrains each pruned model). "
          + "Writes a run folder with events.jsonl, inference-summary.csv, per-image latencies, a DAWNBench inference "
          + "JSON per variant and charts.",
      "",
      "--export-savedmodel writes the folded FP32 net as a SavedModel (serving_default: images -> logits) that "
          + "TF in any language loads; its assets.extra/dawn-folded-net.json lets --model rebuild the net from it.",
      "",
      "INT8 needs TF_ENABLE_ONEDNN_OPTS=1 (bin/dawn sets it).",
      "",
      "Every flag below sets one key of the inference config (defaults in infer-defaults.yaml, shown here); "
          + "--infer-config FILE and --set key=value set any key the same way. The effective config is the run "
          + "folder's config.yaml."
    })
final class InferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--infer-config",
      paramLabel = "FILE",
      description =
          "An inference config (YAML, keys as in infer-defaults.yaml: model, precisions, prune, measure, "
              + "int8, threads, accuracyBudget, exportSavedModel), laid over the defaults; flags and --set over it.")
  Path inferConfig;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Set one inference config key, e.g. --set measure.batchSizes=[1,8] (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--model",
      paramLabel = "RUN_FOLDER|SAVEDMODEL_DIR",
      description = {
        "A training run folder (results/runs/<id>) with weights/ and config.yaml, or a SavedModel folder "
            + "(saved_model.pb) written by --export-savedmodel; a SavedModel carries no data, so --config gives it."
      })
  Path model;

  @Option(
      names = "--random-resnet50",
      paramLabel = "PX",
      description = {
        "Instead of --model: ResNet-50 v1.5 at PX px with RANDOM weights (latency only; its accuracy is "
            + "meaningless), classifying the images of --config."
      })
  Integer randomResnet50;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = {
        "With --random-resnet50 or a SavedModel: the training config whose data and threads apply "
            + "(default ${DEFAULT-VALUE}); a SavedModel's class count must match that data."
      })
  Path dataConfig;

  @Option(
      names = "--precision",
      split = ",",
      description = {
        "Precisions, any of fp32, bf16, int8 (default ${DEFAULT-VALUE}). bf16: weights and activations in",
        "bfloat16, logits in float32, no calibration. int8: oneDNN quantized kernels, activation ranges",
        "calibrated on training images, with 8-bit weights or, where this host's INT8 kernels saturate",
        "(no VNNI), 7-bit weights (dawn doctor decides). A precision this host computes wrong is refused."
      })
  List<String> precisions;

  @Option(
      names = "--prune",
      split = ",",
      description = {
        "Fractions of each prunable conv's (or residual group's) channels to remove (default "
            + "${DEFAULT-VALUE}); fine-tuned only with --fine-tune-epochs."
      })
  List<Double> pruneRatios;

  @Option(
      names = "--prune-residual-groups",
      paramLabel = "true|false",
      arity = "1",
      description = {
        "Also prune channels that meet a residual add, as groups: all convs added together (and the "
            + "convs and classifier rows reading the sum) lose the same channels, so the whole net shrinks. false = prune "
            + "only convs feeding exactly one other conv, leaving every residual add and the classifier whole "
            + "(default ${DEFAULT-VALUE})."
      })
  Boolean pruneResidualGroups;

  @Option(
      names = "--fine-tune-epochs",
      paramLabel = "N",
      description = {
        "With --model: prune each ratio > 0 in the run's unfolded weights, then train that narrower model "
            + "N epochs (a normal run folder under --results, named <run name>-prune<ratio>-finetune, every epoch run) "
            + "and measure the fine-tuned model (fp32 and int8 share it). 0 = measure pruned models as pruned "
            + "(default ${DEFAULT-VALUE})."
      })
  Integer fineTuneEpochs;

  @Option(
      names = "--fine-tune-lr",
      paramLabel = "LR",
      description = {
        "Fine-tune base learning rate (no warmup, linear-cosine decay over the fine-tune epochs); default: "
            + "the run's optimizer.learningRate x 0.1."
      })
  Double fineTuneLr;

  @Option(
      names = "--batch-sizes",
      split = ",",
      description = "Batch sizes (default ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(
      names = "--batch-repeats",
      description = "Timed batches per batch size (default ${DEFAULT-VALUE}).")
  Integer batchRepeats;

  @Option(
      names = "--warmup",
      description =
          "Untimed warm-up images (default ${DEFAULT-VALUE}); more follow while the JIT is still"
              + " compiling the Java around the model, for at most 60 s more (0: no warm-up at all).")
  Integer warmup;

  @Option(
      names = "--limit",
      description =
          "Classify only this many validation images, evenly spaced (default ${DEFAULT-VALUE}; 0 = all, as"
              + " DAWNBench requires).")
  Integer limit;

  @Option(
      names = "--calibration",
      description =
          "INT8 activation ranges: minmax, percentile (99.99%%) or entropy (KL) (default ${DEFAULT-VALUE}).")
  String calibration;

  @Option(
      names = "--calibration-images",
      description = "Training images used to calibrate INT8 ranges (default ${DEFAULT-VALUE}).")
  Integer calibrationImages;

  @Option(
      names = "--fp32-first",
      arity = "1",
      description = {
        "INT8: keep the first conv in FP32 (default ${DEFAULT-VALUE}: it runs in INT8 on the image shifted",
        "to non-negative values, the shift folded into the bias; same top-5 on the bench-train model, faster on",
        "ResNet-50)."
      })
  Boolean fp32First;

  @Option(
      names = "--fp32-last",
      arity = "1",
      description = "Keep the last conv in FP32 (default ${DEFAULT-VALUE}).")
  Boolean fp32Last;

  @Option(
      names = "--intra-op",
      paramLabel = "N",
      description = {
        "TensorFlow intra-op threads for inference (0 = TF default, one per core); default: the config's "
            + "threads.intraOp. A tiny model answers one image faster on 1 thread (no hand-off between threads per op); "
            + "a large one (ResNet-50) faster on all cores. The setting is recorded with the results."
      })
  Integer intraOp;

  @Option(
      names = "--inter-op",
      paramLabel = "N",
      description =
          "TensorFlow inter-op threads for inference (0 = TF default); default: the config's threads.interOp.")
  Integer interOp;

  @Option(
      names = "--profile",
      paramLabel = "STEPS",
      arity = "0..1",
      fallbackValue = "20",
      description = {
        "Also trace STEPS batch-1 passes of each variant (TensorFlow FULL_TRACE, after the timed pass, so",
        "latency figures are not affected) and write profile.csv (per op: type, device, calls, total and mean us,",
        "share of the summed op time) and profile-by-op-type.png/.svg. --profile alone traces 20 passes."
      })
  Integer profileSteps;

  @Option(
      names = "--export-savedmodel",
      paramLabel = "DIR",
      description = {
        "Also write the folded FP32 model as a SavedModel into DIR (a new or empty folder;",
        "an existing SavedModel only with --overwrite)."
      })
  Path exportSavedModel;

  @Option(
      names = "--overwrite",
      description = "Let --export-savedmodel replace a SavedModel already in DIR.")
  boolean overwrite;

  @Option(
      names = "--accuracy-budget",
      paramLabel = "POINTS",
      description =
          "Top-1 points a variant may lose against fp32 of the same model before the table, CSV, JSON and "
              + "report mark it as having lost accuracy (default ${DEFAULT-VALUE}). A variant under the "
              + "task's target (e.g. 93%% top-5) is marked whatever this is: it is no DAWNBench inference result.")
  Double accuracyBudget;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Where run folders go (default ${DEFAULT-VALUE}).")
  Path results;

  @Override
  public Integer call() throws Exception {
    InferenceConfigLoader.Loaded loaded =
        InferenceConfigLoader.load(
            inferConfig, InferFlag.given(spec.commandLine().getParseResult()), overrides);
    InferenceConfig cfg = loaded.config();
    ResultsFolder.requireWritable(results);
    Path export = cfg.exportSavedModel() == null ? null : Path.of(cfg.exportSavedModel());
    if (export != null) {
      SavedModelTarget.prepare(export, overwrite);
    } else if (overwrite) {
      throw new BadInputException("--overwrite only applies to --export-savedmodel DIR");
    }
    InferenceRunner.Source source = source(cfg.model());
    List<InferenceVariant> variants = new ArrayList<>();
    for (InferencePrecision p : cfg.precisions())
      for (double r : cfg.prune().ratios()) variants.add(new InferenceVariant(p, r));
    GateDecision numerics =
        NumericsGate.forProcess(results, System.out::println).inference(cfg.precisions());
    ThreadSettings threads = threads(cfg.threads(), source);
    var settings =
        new InferenceBench.Settings(
            new InferenceBench.Measurement(
                cfg.measure().warmupImages(),
                cfg.measure().batchSizes(),
                cfg.measure().batchRepeats(),
                cfg.measure().profileSteps(),
                cfg.measure().fixedWorkPasses()),
            new InferenceBench.Int8Setup(
                cfg.int8().calibration(),
                cfg.int8().calibrationImages(),
                cfg.int8().firstConvFp32(),
                cfg.int8().lastConvFp32(),
                numerics.int8Weights() == null ? Int8Weights.EIGHT_BIT : numerics.int8Weights()),
            threads,
            cfg.prune().residualGroups());
    var folder =
        new InferenceRunner(results, System.out::println)
            .run(
                source,
                new InferenceRunner.Plan(
                    variants,
                    settings,
                    cfg.measure().limit(),
                    export,
                    fineTuner(cfg, source, threads),
                    numerics.record(),
                    cfg.accuracyBudget(),
                    loaded.tree()));
    System.out.println("inference results: " + folder.dir());
    System.out.println(
        "batch 1 = every image one at a time (DAWNBench latency = total / images, mean shown); larger"
            + " batches: latency per batch");
    System.out.print(
        dev.dawn.harness.infer.SummaryTable.render(folder.dir().resolve("inference-summary.csv")));
    if (cfg.precisions().contains(InferencePrecision.BF16)) {
      System.out.println(dev.dawn.workloads.inference.bf16.Bf16Support.describe());
    }
    return 0;
  }

  /** What {@code model} names: a trained run, a SavedModel dawn exported, or a random ResNet-50. */
  private static InferenceRunner.Source source(InferenceConfig.ModelConfig m) throws IOException {
    Path dataConfig = Path.of(m.dataConfig());
    if (m.randomResnet50() != null) {
      var cfg = new ConfigLoader().load(dataConfig, List.of()).config();
      var net = RandomNets.folded(ModelSpec.of("resnet50", 1000), m.randomResnet50(), 1L);
      return new InferenceRunner.Source(
          cfg, net, "resnet50-random", null, "random (untrained) ResNet-50 v1.5");
    }
    Path model = Path.of(m.path());
    if (Files.isRegularFile(model.resolve(ExportedModel.GRAPH_FILE))) {
      try {
        return InferenceRunner.fromSavedModel(model, dataConfig, System.out::println);
      } catch (WeightFileException | IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }
    if (RunModel.checkpoint(model).isEmpty()
        || !Files.isRegularFile(model.resolve(RunFolder.CONFIG))) {
      throw new BadInputException(
          model
              + ": not a training run folder with a checkpoint (needs config.yaml and "
              + RunFolder.CHECKPOINTS
              + "/ckpt-*/; runs write one when training ends) nor a SavedModel folder (needs "
              + ExportedModel.GRAPH_FILE
              + ")");
    }
    try {
      return InferenceRunner.fromRun(model);
    } catch (IllegalArgumentException e) {
      // Weights whose tensors do not fit the run's model: the message names the tensor, this
      // names the file.
      throw new BadInputException(
          RunModel.checkpoint(model).orElse(model) + ": " + e.getMessage(), e);
    }
  }

  /** Pruned variants retrained: only a trained run has unfolded weights and a recipe. */
  private PruneFineTuner fineTuner(
      InferenceConfig cfg, InferenceRunner.Source source, ThreadSettings threads) {
    InferenceConfig.PruneConfig prune = cfg.prune();
    if (prune.fineTuneEpochs() == 0) return null;
    Path model = Path.of(cfg.model().path());
    if (Files.isRegularFile(model.resolve(ExportedModel.GRAPH_FILE))) {
      throw new BadInputException(
          "--fine-tune-epochs needs a training run folder (unfolded weights and a recipe); "
              + model
              + " is a SavedModel");
    }
    return new PruneFineTuner(
        model,
        prune.fineTuneEpochs(),
        prune.fineTuneLearningRate(),
        results,
        ProgressLine.forStdout(source.config().train().logEverySteps()),
        prune.residualGroups(),
        threads);
  }

  /** The config's threads, each unset one from the data's training config. */
  private static ThreadSettings threads(
      InferenceConfig.ThreadsConfig t, InferenceRunner.Source source) {
    ThreadSettings config = TrainingParts.threads(source.config());
    return new ThreadSettings(
        t.intraOp() == null ? config.intraOp() : t.intraOp(),
        t.interOp() == null ? config.interOp() : t.interOp());
  }
}
