package dev.dawn.benchmarks;

import dev.dawn.reporters.latency.LatencyStats;
import dev.dawn.workloads.inference.LatencyRun;
import dev.dawn.workloads.inference.LatencyRunner;
import dev.dawn.workloads.inference.SessionStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * A/B of the batch-1 input handling on ResNet-50 (random weights): A feeds each image as a new
 * pixel array and a new tensor, closed after the call (what the latency pass did); B refills one
 * tensor (what it does now). Both go through {@link LatencyRunner} on the same session, rounds
 * alternate A and B so that load from other processes hits both alike, and the ratios B/A of the
 * per-round p50 and p99 are reported as medians over the rounds, with the collections each saw.
 *
 * <p>Usage: {@code LatencyAB [FP32|INT8=FP32] [px=224] [imagesPerRound=60] [rounds=6]}
 */
public final class LatencyAB {
  private LatencyAB() {}

  public static void main(String[] args) {
    String precision = args.length > 0 ? args[0] : "FP32";
    int px = args.length > 1 ? Integer.parseInt(args[1]) : 224;
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
    ResNetForwardBenchmark net = new ResNetForwardBenchmark();
    net.size = px;
    net.precision = precision;
    net.build();
    int floats = px * px * 3;
    // the decoded images: preprocessing is a copy of one of these, so only the handling differs
    List<float[]> images = new ArrayList<>();
    Random rnd = new Random(5);
    for (int i = 0; i < n; i++) {
      float[] v = new float[floats];
      for (int j = 0; j < floats; j++) v[j] = (float) rnd.nextGaussian();
      images.add(v);
    }
    Function<float[], Tensor> fresh =
        v -> TFloat32.tensorOf(Shape.of(1, px, px, 3), DataBuffers.of(v.clone(), true, false));
    float[] pixels = new float[floats];
    FloatDataBuffer pixelBuffer = DataBuffers.of(pixels, true, false);
    TFloat32 reused = TFloat32.tensorOf(Shape.of(1, px, px, 3));
    Function<float[], Tensor> refill =
        v -> {
          System.arraycopy(v, 0, pixels, 0, floats);
          reused.copyFrom(pixelBuffer);
          return reused;
        };
    SessionStep step = net.step();
    LatencyRunner runner = new LatencyRunner(5);
    double[] p50 = new double[rounds];
    double[] p99 = new double[rounds];
    long[] gc = new long[2];
    for (int r = 0; r < rounds; r++) {
      LatencyRun a = runner.run(images, fresh, step);
      LatencyRun b = runner.runReusingInput(images, refill, step);
      LatencyStats sa = LatencyStats.of(a.endToEndNanos());
      LatencyStats sb = LatencyStats.of(b.endToEndNanos());
      p50[r] = sb.p50Ms() / sa.p50Ms();
      p99[r] = sb.p99Ms() / sa.p99Ms();
      gc[0] += a.gcCollectionsTotal();
      gc[1] += b.gcCollectionsTotal();
      System.out.printf(
          Locale.ROOT,
          "round %d: A p50 %.2f p99 %.2f ms GC %d | B p50 %.2f p99 %.2f ms GC %d%n",
          r,
          sa.p50Ms(),
          sa.p99Ms(),
          a.gcCollectionsTotal(),
          sb.p50Ms(),
          sb.p99Ms(),
          b.gcCollectionsTotal());
    }
    reused.close();
    net.close();
    System.out.printf(
        Locale.ROOT,
        "%s %d px, %d images x %d alternating rounds: reused/fresh input, median over rounds:"
            + " p50 %.3f, p99 %.3f; GC collections fresh %d, reused %d%n",
        precision,
        px,
        n,
        rounds,
        AlternatingRounds.median(p50),
        AlternatingRounds.median(p99),
        gc[0],
        gc[1]);
  }
}
