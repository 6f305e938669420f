package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.data.BatchStream;
import dev.dawn.workloads.data.InputPipeline;
import dev.dawn.workloads.training.TrainingSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Does the harness keep the model fed? Measures, side by side in one process and alternating in
 * rounds so that drift hits all three alike: the input pipeline alone, training steps on one batch
 * already in memory, and training steps fed by the pipeline (what {@code dawn train} does). The
 * ratio fed / in-memory is the harness's feeding efficiency; the goal is >= 0.9. With gradient
 * accumulation the probe feeds micro-batches and applies the accumulated update every {@code
 * train.accumulationSteps} steps, as the training runner does.
 */
public final class FeedRateProbe {
  /** Images per second of each mode, medians over the rounds. */
  public record Result(
      double pipelineOnly,
      double inMemory,
      double fed,
      int rounds,
      int stepsPerRound,
      int batchSize,
      int resolution) {
    public double feedRatio() {
      return fed / inMemory;
    }
  }

  private final TrainConfig config;

  public FeedRateProbe(TrainConfig config) {
    this.config = config;
  }

  public Result measure(
      TrainingSession session,
      InputPipeline pipeline,
      int rounds,
      int stepsPerRound,
      int warmupSteps) {
    int accumulation = config.train().accumulationSteps();
    int batchSize = config.train().batchSize() / accumulation;
    int resolution = config.train().resolution();
    float lr =
        (float)
            (config.optimizer().learningRate()
                * 0.01); // small: timing must not depend on divergence
    float momentum = (float) config.optimizer().momentum();
    Batch resident;
    try (BatchStream warm = pipeline.epoch(0, resolution, batchSize)) {
      resident = copy(warm.next());
      for (int i = 0; i < warmupSteps && warm.hasNext(); i++)
        step(session, warm.next(), i, lr, momentum);
    }
    List<Double> pipelineOnly = new ArrayList<>();
    List<Double> inMemory = new ArrayList<>();
    List<Double> fed = new ArrayList<>();
    int epoch = 1;
    for (int r = 0; r < rounds; r++) {
      pipelineOnly.add(pipelineRate(pipeline, epoch++, resolution, batchSize, stepsPerRound));
      long start = System.nanoTime();
      for (int i = 0; i < stepsPerRound; i++) step(session, resident, i, lr, momentum);
      inMemory.add(stepsPerRound * (double) batchSize / ((System.nanoTime() - start) / 1e9));
      fed.add(
          fedRate(session, pipeline, epoch++, resolution, batchSize, stepsPerRound, lr, momentum));
    }
    return new Result(
        median(pipelineOnly),
        median(inMemory),
        median(fed),
        rounds,
        stepsPerRound,
        batchSize,
        resolution);
  }

  private static double pipelineRate(
      InputPipeline pipeline, int epoch, int resolution, int batchSize, int batches) {
    long images = 0;
    long start = System.nanoTime();
    try (BatchStream s = pipeline.epoch(epoch, resolution, batchSize)) {
      for (int i = 0; i < batches && s.hasNext(); i++) images += s.next().size();
    }
    return images / ((System.nanoTime() - start) / 1e9);
  }

  private static double fedRate(
      TrainingSession session,
      InputPipeline pipeline,
      int epoch,
      int resolution,
      int batchSize,
      int steps,
      float lr,
      float momentum) {
    long images = 0;
    long start = System.nanoTime();
    try (BatchStream s = pipeline.epoch(epoch, resolution, batchSize)) {
      for (int i = 0; i < steps && s.hasNext(); i++) {
        Batch b = s.next();
        step(session, b, i, lr, momentum);
        images += b.size();
      }
    }
    return images / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * One micro-batch; every k-th applies the accumulated update (k = the session's accumulation
   * steps).
   */
  private static void step(
      TrainingSession session, Batch batch, int index, float lr, float momentum) {
    session.trainStep(batch, lr, momentum);
    int k = session.accumulationSteps();
    if (k > 1 && (index + 1) % k == 0) session.applyAccumulated(lr, momentum);
  }

  private static Batch copy(Batch b) {
    return new Batch(
        Arrays.copyOf(b.pixels(), b.pixels().length),
        Arrays.copyOf(b.labels(), b.labels().length),
        b.size(),
        b.resolution());
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
