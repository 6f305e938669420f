package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.DataFormat;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Measures training images/s on one in-memory random batch reused every step (no input pipeline), so the number is
 * the graph's ceiling.
 *
 * <p>Usage: {@code TrainingThroughput <arch> <width> <resolution> <batch> <steps> [NHWC|NCHW] [variant|-] [intraOp interOp]}
 */
public final class TrainingThroughput {
  private static final int WARMUP_STEPS = 3;

  private TrainingThroughput() {}

  public static void main(String[] args) {
    if (args.length < 5) {
      System.err.println("usage: TrainingThroughput <arch> <width> <resolution> <batch> <steps> [NHWC|NCHW] [variant|-] [intraOp interOp]");
      System.exit(2);
    }
    String arch = args[0];
    double width = Double.parseDouble(args[1]);
    int resolution = Integer.parseInt(args[2]);
    int batchSize = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    DataFormat format = args.length > 5 ? DataFormat.valueOf(args[5].toUpperCase(Locale.ROOT)) : null;
    String variant = args.length > 6 && !args[6].equals("-") ? args[6] : null;
    ThreadSettings threads = args.length > 8
        ? new ThreadSettings(Integer.parseInt(args[7]), Integer.parseInt(args[8])) : ThreadSettings.TF_DEFAULT;
    int classes = arch.equals("resnet9") ? 10 : 1000;
    ModelSpec spec = new ModelSpec(arch, classes, width, variant, format);

    Batch batch = randomBatch(batchSize, resolution, classes);
    long built = System.nanoTime();
    try (TrainingSession session = TrainingSession.create(spec, new SgdForMeasurement(), LossSettings.NONE,
        threads, 1L)) {
      double buildSeconds = (System.nanoTime() - built) / 1e9;
      for (int i = 0; i < WARMUP_STEPS; i++) {
        session.trainStep(batch, 0.01f, 0.9f);
      }
      double[] stepSeconds = new double[steps];
      long cpuStart = processCpuNanos();
      float loss = 0;
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        loss = session.trainStep(batch, 0.01f, 0.9f);
        stepSeconds[i] = (System.nanoTime() - t0) / 1e9;
      }
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      double total = 0;
      for (double s : stepSeconds) {
        total += s;
      }
      // Other processes share the 2 cores, so wall-clock img/s depends on their load. CPU-seconds per image is far less
      // load-dependent; batch / (cpu-seconds per step / cores) estimates img/s with the cores to ourselves.
      int cores = Runtime.getRuntime().availableProcessors();
      double cpuPerStep = cpuSeconds / steps;
      double[] sorted = stepSeconds.clone();
      java.util.Arrays.sort(sorted);
      double median = sorted[sorted.length / 2];
      System.out.printf(Locale.ROOT,
          "%s width=%.3f variant=%s %s threads=%d/%d res=%d batch=%d params=%d build=%.2fs steps=%d mean=%.1f img/s median=%.1f img/s"
              + " (median step %.3fs) cpu=%.3fs/step (%.2f of %d cores busy) => %.1f img/s if idle; last loss=%.3f%n",
          arch, width, spec.variant(), spec.dataFormat(), threads.intraOp(), threads.interOp(), resolution, batchSize, session.parameterCount(), buildSeconds,
          steps, steps * batchSize / total, batchSize / median, median, cpuPerStep, cpuSeconds / total, cores, batchSize / (cpuPerStep / cores), loss);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static Batch randomBatch(int size, int resolution, int classes) {
    Random random = new Random(42);
    float[] pixels = new float[size * resolution * resolution * Batch.CHANNELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextGaussian();
    }
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      labels[i] = random.nextInt(classes);
    }
    return new Batch(pixels, labels, size, resolution);
  }

  /** Plain SGD with decay, standing in for the real optimizers (which add only elementwise work per weight). */
  private static final class SgdForMeasurement implements GraphOptimizer {
    @Override
    public Op applyGradients(Ops tf, List<Parameter> parameters, Operand<TFloat32> learningRate,
        Operand<TFloat32> momentum) {
      List<Op> updates = new ArrayList<>();
      for (Parameter p : parameters) {
        Operand<TFloat32> g = p.decayed() ? tf.math.add(p.gradient(), tf.math.mul(p.variable(), tf.constant(5e-4f)))
            : p.gradient();
        updates.add(tf.train.applyGradientDescent(p.variable(), learningRate, g));
      }
      return tf.withControlDependencies(updates).noOp();
    }

    @Override
    public String name() {
      return "sgd";
    }
  }
}
