package dev.dawn.harness.cli;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.infer.InferenceRunner;
import dev.dawn.harness.infer.PruneFineTuner;
import dev.dawn.harness.numerics.GateDecision;
import dev.dawn.harness.numerics.NumericsGate;
import dev.dawn.harness.train.ProgressLine;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.harness.train.TrainingRunner;
import dev.dawn.workloads.inference.bench.InferenceBench;
import dev.dawn.workloads.inference.bench.InferenceVariant;
import dev.dawn.workloads.inference.quant.CalibrationMethod;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.ExportedModel;
import dev.dawn.workloads.models.export.RandomNets;
import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.training.ThreadSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
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
      "INT8 needs TF_ENABLE_ONEDNN_OPTS=1 (bin/dawn sets it)."
    })
final class InferCommand implements Callable<Integer> {
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
      defaultValue = "reference-configs/cpu-synthetic-resnet9.yaml",
      description = {
        "With --random-resnet50 or a SavedModel: the config whose data and threads apply "
            + "(default ${DEFAULT-VALUE}); a SavedModel's class count must match that data."
      })
  Path dataConfig;

  @Option(
      names = "--precision",
      split = ",",
      defaultValue = "fp32,int8",
      description = {
        "Precisions, any of fp32, bf16, int8 (default ${DEFAULT-VALUE}). bf16: weights and activations in",
        "bfloat16, logits in float32, no calibration; native on CPUs with AVX512_BF16 or AMX, emulated (and said so)",
        "elsewhere. int8: oneDNN quantized kernels, activation ranges calibrated on training images."
      })
  List<String> precisions;

  @Option(
      names = "--prune",
      split = ",",
      defaultValue = "0,0.25,0.5",
      description = {
        "Fractions of each prunable conv's (or residual group's) channels to remove (default "
            + "${DEFAULT-VALUE}); fine-tuned only with --fine-tune-epochs."
      })
  List<Double> pruneRatios;

  @Option(
      names = "--prune-residual-groups",
      paramLabel = "true|false",
      defaultValue = "true",
      arity = "1",
      description = {
        "Also prune channels that meet a residual add, as groups: all convs added together (and the "
            + "convs and classifier rows reading the sum) lose the same channels, so the whole net shrinks. false = prune "
            + "only convs feeding exactly one other conv, leaving every residual add and the classifier whole "
            + "(default ${DEFAULT-VALUE})."
      })
  boolean pruneResidualGroups;

  @Option(
      names = "--fine-tune-epochs",
      paramLabel = "N",
      defaultValue = "0",
      description = {
        "With --model: prune each ratio > 0 in the run's unfolded weights, then train that narrower model "
            + "N epochs (a normal run folder under --results, named <run name>-prune<ratio>-finetune, every epoch run) "
            + "and measure the fine-tuned model (fp32 and int8 share it). 0 = measure pruned models as pruned "
            + "(default ${DEFAULT-VALUE})."
      })
  int fineTuneEpochs;

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
      defaultValue = "1,8,32,128",
      description = "Batch sizes (default ${DEFAULT-VALUE}).")
  List<Integer> batchSizes;

  @Option(
      names = "--batch-repeats",
      defaultValue = "20",
      description = "Timed batches per batch size (default ${DEFAULT-VALUE}).")
  int batchRepeats;

  @Option(
      names = "--warmup",
      defaultValue = "50",
      description = "Untimed warm-up images (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description =
          "Classify only this many validation images, evenly spaced (0 = all, as DAWNBench requires).")
  int limit;

  @Option(
      names = "--calibration",
      defaultValue = "percentile",
      converter = CalibrationName.class,
      description =
          "INT8 activation ranges: minmax, percentile (99.99%%) or entropy (KL) (default ${DEFAULT-VALUE}).")
  CalibrationMethod calibration;

  /** --calibration by its lowercase name. */
  static final class CalibrationName implements CommandLine.ITypeConverter<CalibrationMethod> {
    @Override
    public CalibrationMethod convert(String value) {
      try {
        return CalibrationMethod.fromConfigName(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Option(
      names = "--calibration-images",
      defaultValue = "256",
      description = "Training images used to calibrate INT8 ranges (default ${DEFAULT-VALUE}).")
  int calibrationImages;

  @Option(
      names = "--fp32-first",
      defaultValue = "false",
      arity = "1",
      description = {
        "INT8: keep the first conv in FP32 (default ${DEFAULT-VALUE}: it runs in INT8 on the image shifted",
        "to non-negative values, the shift folded into the bias; same top-5 on the bench-train model, faster on",
        "ResNet-50)."
      })
  boolean fp32First;

  @Option(
      names = "--fp32-last",
      defaultValue = "false",
      arity = "1",
      description = "Keep the last conv in FP32 (default ${DEFAULT-VALUE}).")
  boolean fp32Last;

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
      defaultValue = "0",
      description = {
        "Also trace STEPS batch-1 passes of each variant (TensorFlow FULL_TRACE, after the timed pass, so",
        "latency figures are not affected) and write profile.csv (per op: type, device, calls, total and mean us,",
        "share of the summed op time) and profile-by-op-type.png/.svg. --profile alone traces 20 passes."
      })
  int profileSteps;

  @Option(
      names = "--export-savedmodel",
      paramLabel = "DIR",
      description = {
        "Also write the folded FP32 model as a " + "SavedModel into DIR (a new or empty folder;",
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
      defaultValue = "1.0",
      description =
          "Top-1 points a variant may lose against fp32 of the same model before the table, CSV, JSON and "
              + "report mark it as having lost accuracy (default ${DEFAULT-VALUE}). A variant under the "
              + "task's target (e.g. 93% top-5) is marked whatever this is: it is no DAWNBench inference result.")
  double accuracyBudget;

  @Option(
      names = "--results",
      defaultValue = "results",
      description = "Where run folders go (default ${DEFAULT-VALUE}).")
  Path results;

  @Override
  public Integer call() throws Exception {
    checkFineTuneOptions();
    if (!(accuracyBudget >= 0) || Double.isInfinite(accuracyBudget)) {
      throw new BadInputException(
          "--accuracy-budget must be a finite number of points >= 0, got " + accuracyBudget);
    }
    if (profileSteps < 0)
      throw new BadInputException("--profile STEPS must be >= 1, got " + profileSteps);
    if ((intraOp != null && intraOp < 0) || (interOp != null && interOp < 0)) {
      throw new BadInputException(
          "--intra-op and --inter-op must be >= 0 (0 = TF default), got "
              + intraOp
              + " and "
              + interOp);
    }
    ResultsFolder.requireWritable(results);
    if (exportSavedModel != null) {
      SavedModelTarget.prepare(exportSavedModel, overwrite);
    } else if (overwrite) {
      throw new BadInputException("--overwrite only applies to --export-savedmodel DIR");
    }
    InferenceRunner.Source source;
    if ((model == null) == (randomResnet50 == null)) {
      throw new BadInputException(
          "give either --model RUN_FOLDER|SAVEDMODEL_DIR or --random-resnet50 PX");
    } else if (model != null && Files.isRegularFile(model.resolve(ExportedModel.GRAPH_FILE))) {
      source = savedModel();
    } else if (model != null) {
      if (!Files.isDirectory(model.resolve(TrainingRunner.WEIGHTS_DIR))
          || !Files.isRegularFile(model.resolve("config.yaml"))) {
        throw new BadInputException(
            model
                + ": not a training run folder with weights (needs config.yaml and "
                + TrainingRunner.WEIGHTS_DIR
                + "/; runs save them when training ends) nor a SavedModel folder (needs "
                + ExportedModel.GRAPH_FILE
                + ")");
      }
      try {
        source = InferenceRunner.fromRun(model);
      } catch (IllegalArgumentException e) {
        // Weights whose tensors do not fit the run's model: the message names the tensor, this
        // names the file.
        throw new BadInputException(
            model.resolve(TrainingRunner.WEIGHTS_DIR) + ": " + e.getMessage(), e);
      }
    } else {
      var cfg = new ConfigLoader().load(dataConfig, List.of()).config();
      var net = RandomNets.folded(ModelSpec.of("resnet50", 1000), randomResnet50, 1L);
      source =
          new InferenceRunner.Source(
              cfg, net, "resnet50-random", null, "random (untrained) ResNet-50 v1.5");
    }
    List<InferenceVariant> variants = new ArrayList<>();
    try {
      for (String p : precisions)
        for (double r : pruneRatios) variants.add(new InferenceVariant(p.trim(), r));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    GateDecision numerics =
        NumericsGate.forProcess(results, System.out::println)
            .inference(variants.stream().map(InferenceVariant::precision).distinct().toList());
    var settings =
        new InferenceBench.Settings(
            warmup,
            batchSizes,
            batchRepeats,
            calibrationImages,
            calibration.calibrator(),
            calibration.configName(),
            fp32First,
            fp32Last,
            threads(source),
            pruneResidualGroups,
            profileSteps,
            numerics.int8Weights() == null ? Int8Weights.EIGHT_BIT : numerics.int8Weights());
    var folder =
        new InferenceRunner(results, System.out::println)
            .run(
                source,
                new InferenceRunner.Plan(
                    variants,
                    settings,
                    limit,
                    exportSavedModel,
                    fineTuner(source),
                    numerics.record(),
                    accuracyBudget));
    System.out.println("inference results: " + folder.dir());
    System.out.println(
        "batch 1 = every image one at a time (DAWNBench latency = total / images, mean shown); larger"
            + " batches: latency per batch");
    System.out.print(
        dev.dawn.harness.infer.SummaryTable.render(folder.dir().resolve("inference-summary.csv")));
    if (variants.stream().anyMatch(v -> v.precision().equals("bf16"))) {
      System.out.println(dev.dawn.workloads.inference.bf16.Bf16Support.describe());
    }
    return 0;
  }

  private InferenceRunner.Source savedModel() throws java.io.IOException {
    try {
      return InferenceRunner.fromSavedModel(model, dataConfig, System.out::println);
    } catch (WeightFileException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** --fine-tune-epochs: only a trained run has unfolded weights and a recipe to fine-tune with. */
  private void checkFineTuneOptions() {
    if (fineTuneEpochs < 0)
      throw new BadInputException("--fine-tune-epochs must be >= 0, got " + fineTuneEpochs);
    if (fineTuneLr != null && !(fineTuneLr > 0))
      throw new BadInputException("--fine-tune-lr must be > 0, got " + fineTuneLr);
    if (fineTuneEpochs == 0 && fineTuneLr != null) {
      throw new BadInputException("--fine-tune-lr needs --fine-tune-epochs N (N >= 1)");
    }
    if (fineTuneEpochs > 0 && model == null) {
      throw new BadInputException("--fine-tune-epochs needs --model RUN_FOLDER (a trained run)");
    }
  }

  private PruneFineTuner fineTuner(InferenceRunner.Source source) {
    if (fineTuneEpochs == 0) return null;
    if (Files.isRegularFile(model.resolve(ExportedModel.GRAPH_FILE))) {
      throw new BadInputException(
          "--fine-tune-epochs needs a training run folder (unfolded weights and a recipe); "
              + model
              + " is a SavedModel");
    }
    return new PruneFineTuner(
        model,
        fineTuneEpochs,
        fineTuneLr,
        results,
        ProgressLine.forStdout(source.config().train().logEverySteps()),
        pruneResidualGroups,
        threads(source));
  }

  private ThreadSettings threads(InferenceRunner.Source source) {
    ThreadSettings config = TrainingParts.threads(source.config());
    return new ThreadSettings(
        intraOp == null ? config.intraOp() : intraOp, interOp == null ? config.interOp() : interOp);
  }
}
