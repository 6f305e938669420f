package dev.dawn.harness.infer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.run.MachineEnvironment;
import dev.dawn.harness.run.TracedOpsEvent;
import dev.dawn.harness.train.DatasetOpener;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.reporters.csv.LatencyCsv;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.events.DawnbenchEntryFields;
import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.Hyperparameter;
import dev.dawn.reporters.events.InferenceSettings;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.inference.InferenceExporter;
import dev.dawn.reporters.latency.MachineTailSummary;
import dev.dawn.reporters.profile.ProfileExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.data.EvalTransform;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.ImageSource;
import dev.dawn.workloads.inference.bench.InferenceBench;
import dev.dawn.workloads.inference.bench.InferenceVariant;
import dev.dawn.workloads.inference.bench.VariantMeasurement;
import dev.dawn.workloads.inference.bf16.Bf16Support;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.quant.OneDnn;
import dev.dawn.workloads.models.export.BnFolding;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.SavedModelExport;
import dev.dawn.workloads.precision.InferencePrecision;
import dev.dawn.workloads.profile.OneDnnIsaProbe;
import dev.dawn.workloads.training.ProcessThreadPools;
import dev.dawn.workloads.training.ThreadSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.TensorFlow;

/**
 * Inference benchmark of a trained run: folds its weights, then measures every variant of the sweep
 * and records each result in a new run folder's event log, from which the summary CSV, DAWNBench
 * JSONs and charts are derived.
 */
public final class InferenceRunner {
  /**
   * What is measured: a folded net, the config whose data and threads apply, the name in the
   * results, the DAWNBench entry of the training run (null for an untrained model) and a line
   * saying where the weights came from.
   */
  public record Source(
      TrainConfig config,
      FoldedNet net,
      String modelName,
      Map<String, Object> entry,
      String weights) {}

  /** A trained run: its weights folded at the run's evaluation resolution. */
  public static Source fromRun(Path trainingRun) throws IOException {
    TrainConfig config =
        new ConfigLoader().load(trainingRun.resolve(RunFolder.CONFIG), List.of()).config();
    ModelWeights weights = RunModel.read(trainingRun);
    FoldedNet folded = BnFolding.fold(weights, config.train().evalResolution());
    return new Source(
        config,
        folded,
        config.model().architecture().configName(),
        trainingEntry(trainingRun),
        "trained: " + trainingRun);
  }

  /**
   * A SavedModel written by dawn ({@code dawn infer --export-savedmodel}): its folded net rebuilt
   * from the layer description and graph constants. A SavedModel carries no data config, so {@code
   * dataConfig} supplies data and threads; the net must classify that data's classes, and take
   * square 3-channel images (the evaluation transform resizes and crops to the model's resolution,
   * so any resolution fits).
   */
  public static Source fromSavedModel(Path savedModel, Path dataConfig, Consumer<String> log)
      throws IOException {
    FoldedNet net = SavedModelExport.loadNet(savedModel);
    TrainConfig config = new ConfigLoader().load(dataConfig, List.of()).config();
    if (net.height() != net.width() || net.channels() != 3) {
      throw new IllegalArgumentException(
          savedModel
              + ": the model takes "
              + net.height()
              + "x"
              + net.width()
              + "x"
              + net.channels()
              + " input; dawn infer feeds square RGB images (HxHx3)");
    }
    int classes = DatasetOpener.open(config.data(), log).classNames().size();
    int outputs = net.layers().get(net.layers().size() - 1) instanceof Dense d ? d.out() : -1;
    if (outputs != classes) {
      throw new IllegalArgumentException(
          savedModel
              + ": the model has "
              + (outputs < 0 ? "no dense classifier" : outputs + " output classes")
              + " but the data of "
              + dataConfig
              + " ("
              + config.data().path()
              + ") has "
              + classes
              + " classes; give --config FILE with the data the model was trained on");
    }
    String name = savedModel.toAbsolutePath().normalize().getFileName().toString();
    return new Source(config, net, "savedmodel-" + name, null, "SavedModel: " + savedModel);
  }

  /**
   * What to sweep and how to measure it.
   *
   * @param fineTuner null: pruned variants are measured as pruned (no fine-tuning); else each ratio
   *     > 0 is pruned and fine-tuned once, and its fp32 and int8 variants measure that fine-tuned
   *     model
   */
  public record Plan(
      List<InferenceVariant> variants,
      InferenceBench.Settings settings,
      int imageLimit,
      Path exportSavedModel,
      PruneFineTuner fineTuner,
      Map<String, Object> numerics,
      double top1BudgetPoints,
      JsonNode config) {}

  private final Path resultsRoot;
  private final Consumer<String> log;

  public InferenceRunner(Path resultsRoot, Consumer<String> log) {
    this.resultsRoot = resultsRoot;
    this.log = log;
  }

  public RunFolder run(Source source, Plan plan) throws IOException {
    TrainConfig config = source.config();
    FoldedNet folded = source.net();
    int resolution = folded.height();
    ImageDataset dataset = DatasetOpener.open(config.data(), log);
    List<ImageSource> validation = limit(dataset.validation(), plan.imageLimit());
    List<ImageSource> calibration =
        limit(dataset.train(), plan.settings().int8().calibrationImages());
    Map<String, Object> entry = source.entry();

    RunFolder folder =
        RunFolder.create(
            resultsRoot,
            "infer-" + source.modelName() + "-" + resolution + "px",
            LocalDateTime.now());
    log.accept("inference run folder: " + folder.dir());
    ThreadSettings requested = plan.settings().threads();
    ThreadSettings threads = ProcessThreadPools.claim(requested, log);
    Map<String, Object> environment =
        MachineEnvironment.describe(
            TensorFlow.version(),
            threads.intraOp(),
            threads.interOp(),
            Map.of("train", config.train().seed()));
    Map<String, String> convIsa = convIsa(log);
    environment.put("onednnConvIsa", convIsa);
    environment.put("numerics", plan.numerics());
    MachineEnvironment.write(folder.environment(), environment);
    Files.writeString(
        folder.config(), new ConfigLoader().toYaml(plan.config()), StandardCharsets.UTF_8);
    if (plan.exportSavedModel() != null) {
      SavedModelExport.export(folded, plan.exportSavedModel());
      log.accept(
          "FP32 SavedModel (batch norm folded, weights as constants): " + plan.exportSavedModel());
    }
    try (EventLog events = EventLog.append(folder.events())) {
      var bench =
          new InferenceBench(
              plan.settings(),
              new EvalTransform(resolution, TrainingParts.pipelineOptions(config)),
              dataset.classNames().size(),
              p -> events.write(TracedOpsEvent.of(p)));
      events.write(new RunStart(folder.runId()));
      events.write(new Hyperparameter(MlLogKeys.INFERENCE_WEIGHTS, source.weights()));
      boolean bf16 =
          plan.variants().stream().anyMatch(v -> v.precision() == InferencePrecision.BF16);
      if (bf16) log.accept(Bf16Support.describe());
      events.write(
          settings(
              plan,
              source,
              validation.size(),
              threads,
              convIsa,
              bf16 ? Bf16Support.isNative() : null));
      if (entry != null) events.write(new DawnbenchEntryFields(entry));
      // An inference entry needs every validation image of the real data set, whoever trained the
      // model.
      DawnbenchTask task =
          DawnbenchTask.judge(
              new DawnbenchTask.Facts(
                  config.data().kind().configName(),
                  dataset.classNames().size(),
                  dataset.validation().size(),
                  validation.size(),
                  null,
                  config.submission().usedBlacklist()));
      events.write(task.event());
      if (!task.isEntry()) log.accept(task.describe());
      try {
        Map<Double, FoldedNet> fineTuned = fineTune(plan, folder, events);
        for (InferenceVariant v : plan.variants()) {
          log.accept(
              "measuring "
                  + v.label()
                  + (fineTuned.containsKey(v.pruneRatio()) ? " (fine-tuned)" : "")
                  + " on "
                  + validation.size()
                  + " images, batch 1 ...");
          VariantMeasurement m =
              fineTuned.containsKey(v.pruneRatio())
                  ? bench.measure(
                      source.modelName(), fineTuned.get(v.pruneRatio()), v, validation, calibration)
                  : bench.run(source.modelName(), folded, v, validation, calibration);
          Files.writeString(
              folder.dir().resolve(LatencyCsv.fileName(v.label())),
              LatencyCsv.write(VariantSummary.perImage(m)));
          InferenceVariantResult r = VariantSummary.event(m);
          events.write(r);
          log.accept(
              String.format(
                  java.util.Locale.ROOT,
                  "  %s: latency %.3f ms (p50 %.3f, p99 %.3f; with preprocessing %.3f ms; GC %d in %d"
                      + " timed images, %.0f ms; JIT %.0f ms in %d; %d warm-up images)%s, top-1 %.2f%%,"
                      + " top-5 %.2f%%, %.4f GFLOPs",
                  v.label(),
                  r.latencyMs(),
                  r.latencyP50Ms(),
                  r.latencyP99Ms(),
                  r.latencyWithPreprocessMs(),
                  r.gcCollections(),
                  r.gcImages(),
                  r.gcPauseMs(),
                  r.jitCompileMs(),
                  r.jitImages(),
                  r.warmupImages(),
                  fixedWorkTail(r),
                  r.top1Accuracy(),
                  r.top5Accuracy(),
                  r.gflops()));
        }
        events.write(RunStop.of(RunStatus.SUCCESS, null));
      } catch (RuntimeException | IOException e) {
        events.write(RunStop.of(RunStatus.FAILED, String.valueOf(e)));
        InferenceExporter.export(folder.dir()); // the variants measured so far stay usable
        ProfileExporter.export(folder.dir());
        throw e;
      }
    }
    InferenceExporter.export(folder.dir());
    ProfileExporter.export(folder.dir());
    return folder;
  }

  /**
   * The model's tail beside the machine's own, when measured: fixed work in registers and over
   * memory between images, and how many of the model's slow images had slow memory work beside them
   * against how many images had by chance.
   */
  private static String fixedWorkTail(InferenceVariantResult r) {
    if (r.fixedWorkP50Ms() == null) return "";
    String tail =
        String.format(
            java.util.Locale.ROOT,
            "; p99/p50 %.2f, fixed work on the same threads %.2f (p50 %.3f, p99 %.3f)",
            r.latencyP99Ms() / r.latencyP50Ms(),
            r.fixedWorkP99Ms() / r.fixedWorkP50Ms(),
            r.fixedWorkP50Ms(),
            r.fixedWorkP99Ms());
    InferenceVariantResult.MachineTail m = r.machineTail();
    if (m == null) return tail;
    return tail
        + String.format(
            java.util.Locale.ROOT,
            ", over %.0f MiB of memory %.2f; images slower than %.1fx p50 in a pass with fixed work"
                + " between them: %d of %d, %d of them beside slow memory work (all images: %d);"
                + " model over the memory work beside it p99/p50 %.2f, correlation %.2f",
            m.workingSetMiB(),
            m.memoryWorkP99Ms() / m.memoryWorkP50Ms(),
            MachineTailSummary.SLOW,
            m.slowImages(),
            m.images(),
            m.slowImagesBesideSlowMemoryWork(),
            m.imagesBesideSlowMemoryWork(),
            m.modelOverMemoryWorkP99P50(),
            m.correlation());
  }

  /**
   * The oneDNN conv implementation per source type (f32, bf16, u8), from a short child process with
   * oneDNN's verbose output on; without oneDNN (TF_ENABLE_ONEDNN_OPTS unset) TF's own Eigen kernels
   * run the convolutions.
   */
  private static Map<String, String> convIsa(Consumer<String> log) {
    if (!OneDnn.enabled())
      return Map.of("all", "oneDNN off (" + OneDnn.ENV + " is not 1): Eigen convolutions");
    Map<String, String> isa = OneDnnIsaProbe.probe();
    log.accept("oneDNN convolutions: " + isa);
    return isa;
  }

  /**
   * Each distinct ratio > 0 pruned and fine-tuned once (fp32 and int8 share it); empty without a
   * fine-tuner.
   */
  private Map<Double, FoldedNet> fineTune(Plan plan, RunFolder folder, EventLog events)
      throws IOException {
    Map<Double, FoldedNet> nets = new LinkedHashMap<>();
    if (plan.fineTuner() == null) return nets;
    for (InferenceVariant v : plan.variants()) {
      if (v.pruneRatio() > 0 && !nets.containsKey(v.pruneRatio())) {
        PruneFineTuner.FineTuned tuned = plan.fineTuner().fineTune(v.pruneRatio(), folder.dir());
        events.write(tuned.event());
        nets.put(v.pruneRatio(), tuned.net());
      }
    }
    return nets;
  }

  private static Map<String, Object> trainingEntry(Path trainingRun) {
    return DawnbenchEntry.valueIn(EventLogReader.read(trainingRun.resolve(RunFolder.EVENTS)))
        .orElse(null);
  }

  /**
   * @param threads the pools in effect (see {@link ProcessThreadPools}), which may differ from the
   *     requested ones
   */
  private static InferenceSettings settings(
      Plan plan,
      Source source,
      int images,
      ThreadSettings threads,
      Map<String, String> convIsa,
      Boolean bf16Native) {
    var s = plan.settings();
    boolean asRequested = threads.equals(s.threads());
    return new InferenceSettings(
        images,
        s.measurement().warmupImages(),
        s.measurement().batchSizes(),
        s.measurement().batchRepeats(),
        s.int8().calibration().configName(),
        s.int8().calibrationImages(),
        s.int8().firstConvFp32(),
        s.int8().lastConvFp32(),
        s.pruneResidualGroups(),
        s.measurement().profileSteps() > 0 ? s.measurement().profileSteps() : null,
        threads.intraOp(),
        threads.interOp(),
        asRequested ? null : s.threads().intraOp(),
        asRequested ? null : s.threads().interOp(),
        convIsa,
        bf16Native,
        plan.variants().stream().anyMatch(v -> v.precision() == InferencePrecision.INT8)
            ? s.int8().weights().label()
            : null,
        targetMetric(source),
        targetAccuracy(source),
        plan.top1BudgetPoints());
  }

  /** The task's target: the training run's DAWNBench entry's, else the config's. */
  private static String targetMetric(Source source) {
    Object metric = source.entry() == null ? null : source.entry().get("metric");
    return metric instanceof String m ? m : source.config().train().targetMetric().configName();
  }

  private static double targetAccuracy(Source source) {
    Object threshold = source.entry() == null ? null : source.entry().get("threshold");
    return threshold instanceof Number n
        ? n.doubleValue()
        : source.config().train().targetAccuracy();
  }

  /**
   * An evenly spaced subset, so that a limit keeps every class (the folders list images class by
   * class).
   */
  private static <T> List<T> limit(List<T> list, int limit) {
    if (limit <= 0 || limit >= list.size()) return list;
    List<T> out = new java.util.ArrayList<>(limit);
    for (int i = 0; i < limit; i++) out.add(list.get((int) ((long) i * list.size() / limit)));
    return out;
  }
}
