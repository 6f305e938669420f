package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.data.DecodedImage;
import dev.dawn.workloads.data.EvalTransform;
import dev.dawn.workloads.data.ImageSource;
import dev.dawn.workloads.inference.BatchCall;
import dev.dawn.workloads.inference.BatchPoint;
import dev.dawn.workloads.inference.BatchSizeSweep;
import dev.dawn.workloads.inference.FixedWorkPasses;
import dev.dawn.workloads.inference.LatencyRun;
import dev.dawn.workloads.inference.LatencyRunner;
import dev.dawn.workloads.inference.MachineTailPass;
import dev.dawn.workloads.inference.MachineTailRun;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.quant.CalibrationMethod;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.models.export.ChannelPruning;
import dev.dawn.workloads.models.export.FlopCounter;
import dev.dawn.workloads.models.export.PruneScope;
import dev.dawn.workloads.precision.InferencePrecision;
import dev.dawn.workloads.profile.StepTracer;
import dev.dawn.workloads.profile.TracedOps;
import dev.dawn.workloads.training.ThreadSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Measures one inference variant the DAWNBench way: every validation image classified one at a time
 * (batch 1), latency = total model time / images, with preprocessing (decode, resize, crop) timed
 * apart; warm-up images excluded; top-1/top-5 from the same pass; then throughput and per-batch
 * latency for a list of batch sizes.
 */
public final class InferenceBench {
  /**
   * How to measure; all of it is recorded with the results.
   *
   * @param pruneResidualGroups prune channels that meet a residual add as groups
   */
  public record Settings(
      Measurement measurement,
      Int8Setup int8,
      ThreadSettings threads,
      boolean pruneResidualGroups) {}

  /**
   * The timed passes.
   *
   * @param warmupImages untimed images before the batch-1 pass
   * @param batchRepeats timed batches per batch size above 1
   * @param profileSteps batch-1 passes traced per variant after the timed pass; 0: none
   * @param fixedWorkPasses after the batch-1 pass, this many of its images again, each followed by
   *     fixed work on the same threads ({@link MachineTailPass}), at most one per timed image; 0:
   *     none
   */
  public record Measurement(
      int warmupImages,
      List<Integer> batchSizes,
      int batchRepeats,
      int profileSteps,
      int fixedWorkPasses) {
    public Measurement {
      batchSizes = List.copyOf(batchSizes);
    }
  }

  /**
   * How INT8 variants are quantized.
   *
   * @param weights the weight levels this host's INT8 kernels compute right with (host numerics
   *     check)
   */
  public record Int8Setup(
      CalibrationMethod calibration,
      int calibrationImages,
      boolean firstConvFp32,
      boolean lastConvFp32,
      Int8Weights weights) {}

  private final Settings settings;
  private final EvalTransform transform;
  private final int classes;

  private final Consumer<TracedOps> profiles;

  public InferenceBench(Settings settings, EvalTransform transform, int classes) {
    this(settings, transform, classes, p -> {});
  }

  /**
   * @param profiles receives each variant's op profile when {@code
   *     settings.measurement().profileSteps() > 0}
   */
  public InferenceBench(
      Settings settings, EvalTransform transform, int classes, Consumer<TracedOps> profiles) {
    this.settings = settings;
    this.transform = transform;
    this.classes = classes;
    this.profiles = profiles;
  }

  /**
   * Prunes {@code folded} by the variant's ratio (per layer, residual groups as the settings say,
   * no fine-tuning), then {@link #measure}s it.
   */
  public VariantMeasurement run(
      String modelName,
      FoldedNet folded,
      InferenceVariant variant,
      List<ImageSource> validation,
      List<ImageSource> calibrationImages) {
    FoldedNet net =
        variant.pruneRatio() > 0
            ? ChannelPruning.prune(
                    folded,
                    variant.pruneRatio(),
                    PruneScope.PER_LAYER,
                    settings.pruneResidualGroups())
                .net()
            : folded;
    return measure(modelName, net, variant, validation, calibrationImages);
  }

  /**
   * Measures {@code net} as given (already pruned, e.g. pruned and fine-tuned) under the variant's
   * label.
   */
  public VariantMeasurement measure(
      String modelName,
      FoldedNet net,
      InferenceVariant variant,
      List<ImageSource> validation,
      List<ImageSource> calibrationImages) {
    var cost = FlopCounter.count(net, net.height(), net.width());
    try (InferenceModel model = build(net, variant, calibrationImages);
        InputImage input = new InputImage(transform)) {
      ClassifyStep step = new ClassifyStep(model, classes, validation.size());
      LatencyRunner runner = new LatencyRunner(settings.measurement().warmupImages());
      // Warm-up goes through the same step; recording restarts at the first timed image.
      LatencyRun run =
          runner.runReusingInput(
              validation, image -> input.fill(decode(image)), new RecordingStep(step));
      List<VariantMeasurement.Classified> images = new ArrayList<>(validation.size());
      long top1 = 0;
      long top5 = 0;
      for (int i = 0; i < validation.size(); i++) {
        int label = validation.get(i).label();
        int[] best = step.top5(i);
        if (best[0] == label) top1++;
        for (int c : best) if (c == label) top5++;
        images.add(new VariantMeasurement.Classified(validation.get(i).id(), label, best[0]));
      }
      // After the timed pass, so the fixed work between images changes none of its latencies.
      int tailImages = Math.min(settings.measurement().fixedWorkPasses(), run.measuredItems());
      MachineTailRun machineTail =
          tailImages == 0
              ? null
              : MachineTailPass.run(
                  validation.subList(0, tailImages),
                  image -> input.fill(decode(image)),
                  step,
                  FixedWorkPasses.threadsFor(settings.threads().intraOp()),
                  cost.parameters() * variant.precision().weightBytes(),
                  run.meanModelNanos());
      if (settings.measurement().profileSteps() > 0)
        profiles.accept(profile(model, variant, validation.get(0)));
      List<BatchPoint> batches =
          new BatchSizeSweep(2, settings.measurement().batchRepeats())
              .run(settings.measurement().batchSizes(), b -> batchCall(model, validation, b));
      int n = validation.size();
      return new VariantMeasurement(
          variant,
          modelName,
          net.height(),
          run.warmupItems(),
          run,
          machineTail,
          images,
          100.0 * top1 / n,
          100.0 * top5 / n,
          cost.parameters(),
          cost.flops() / 1e9,
          batches);
    }
  }

  private InferenceModel build(
      FoldedNet net, InferenceVariant variant, List<ImageSource> calibrationImages) {
    if (variant.precision() != InferencePrecision.INT8) {
      return InferenceModel.floating(
          net, variant.precision().floating().orElseThrow(), settings.threads());
    }
    List<TFloat32> batches = calibrationBatches(net, calibrationImages);
    try {
      return InferenceModel.int8(
          net,
          settings.threads(),
          batches,
          settings.int8().calibration().calibrator(),
          keptFp32(net),
          settings.int8().weights());
    } finally {
      batches.forEach(TFloat32::close);
    }
  }

  /**
   * The first and last convolutions may stay FP32: they carry the most error per bit (Jacob et al.,
   * TensorRT).
   */
  private Set<String> keptFp32(FoldedNet net) {
    List<String> convs = new ArrayList<>();
    for (LayerSpec l : net.layers()) collectConvs(l, convs);
    Set<String> keep = new java.util.HashSet<>();
    if (settings.int8().firstConvFp32() && !convs.isEmpty()) keep.add(convs.get(0));
    if (settings.int8().lastConvFp32() && !convs.isEmpty()) keep.add(convs.get(convs.size() - 1));
    return keep;
  }

  private static void collectConvs(LayerSpec layer, List<String> out) {
    if (layer instanceof FoldedConv c) out.add(c.name());
    if (layer instanceof dev.dawn.workloads.inference.net.ResidualBlock b) {
      b.main().forEach(c -> out.add(c.name()));
      if (b.projection() != null) out.add(b.projection().name());
    }
  }

  private List<TFloat32> calibrationBatches(FoldedNet net, List<ImageSource> images) {
    int perBatch = 32;
    List<TFloat32> batches = new ArrayList<>();
    int floats = transform.resolution() * transform.resolution() * 3;
    for (int from = 0; from < images.size(); from += perBatch) {
      int n = Math.min(perBatch, images.size() - from);
      float[] pixels = new float[n * floats];
      for (int i = 0; i < n; i++) transform.apply(decode(images.get(from + i)), pixels, i * floats);
      batches.add(
          TFloat32.tensorOf(
              Shape.of(n, net.height(), net.width(), 3), DataBuffers.of(pixels, true, false)));
    }
    return batches;
  }

  private BatchCall batchCall(InferenceModel model, List<ImageSource> images, int batchSize) {
    int floats = transform.resolution() * transform.resolution() * 3;
    float[] pixels = new float[batchSize * floats];
    for (int i = 0; i < batchSize; i++)
      transform.apply(decode(images.get(i % images.size())), pixels, i * floats);
    TFloat32 batch =
        TFloat32.tensorOf(
            Shape.of(batchSize, transform.resolution(), transform.resolution(), 3),
            DataBuffers.of(pixels, true, false));
    return new BatchCall() {
      @Override
      public void run() {
        try (Result r =
            model.session().runner().feed(model.input(), batch).fetch(model.logits()).run()) {
          r.get(0); // fetched, so the whole forward pass runs
        }
      }

      @Override
      public void close() {
        batch.close();
      }
    };
  }

  /** Traces batch-1 passes over one image (already warm: the latency pass ran first). */
  private TracedOps profile(InferenceModel model, InferenceVariant variant, ImageSource image) {
    try (TFloat32 x = preprocess(image)) {
      return StepTracer.trace(
          variant.label(),
          settings.measurement().profileSteps(),
          () -> model.session().runner().feed(model.input(), x).fetch(model.logits()));
    }
  }

  /** Decode, resize, centre crop, normalise: what DAWNBench calls preprocessing. */
  private TFloat32 preprocess(ImageSource source) {
    float[] pixels = transform.apply(decode(source));
    return TFloat32.tensorOf(
        Shape.of(1, transform.resolution(), transform.resolution(), 3),
        DataBuffers.of(pixels, true, false));
  }

  private static DecodedImage decode(ImageSource source) {
    try {
      return source.decode();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode " + source.id() + ": " + e.getMessage(), e);
    }
  }

  /** Passes warm-up calls through, then restarts the recording position for the timed pass. */
  private record RecordingStep(ClassifyStep step)
      implements dev.dawn.workloads.inference.InferenceStep<TFloat32> {
    @Override
    public void infer(TFloat32 image) {
      step.infer(image);
    }

    @Override
    public void startTimedPass() {
      step.startRecording();
    }
  }
}
