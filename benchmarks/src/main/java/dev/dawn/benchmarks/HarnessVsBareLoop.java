package dev.dawn.benchmarks;

import dev.dawn.reporters.latency.LatencyStats;
import dev.dawn.workloads.inference.BareSessionLoop;
import dev.dawn.workloads.inference.LatencyRun;
import dev.dawn.workloads.inference.LatencyRunner;
import dev.dawn.workloads.inference.SessionStep;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Checks the harness's FP32 model-only latency (LatencyRunner + SessionStep over distinct in-memory
 * images) against a bare Session.run loop on one tensor, on ResNet-50 at batch 1. Rounds alternate
 * between the two so that machine load drifts hit both. Usage: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.dawn.benchmarks.HarnessVsBareLoop [size=224]
 * [itemsPerRound=20] [rounds=5]}.
 */
public final class HarnessVsBareLoop {
  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 224;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    FoldedNet net = RandomNets.folded(ModelSpec.of("resnet50", 1000), size, 1L);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
      var y = NetGraph.build(tf, x, net).output();
      Random rnd = new Random(3);
      List<Tensor> images = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] v = new float[size * size * 3];
        for (int j = 0; j < v.length; j++) {
          v[j] = (float) rnd.nextGaussian();
        }
        images.add(TFloat32.tensorOf(Shape.of(1, size, size, 3), DataBuffers.of(v, true, false)));
      }
      try (Session s = new Session(g)) {
        List<Long> harness = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        LatencyRunner runner = new LatencyRunner(5);
        SessionStep step = new SessionStep(s, x, y);
        for (int r = 0; r < rounds; r++) {
          LatencyRun run = runner.runPreprocessed(images, step);
          for (long v : run.modelNanos()) {
            harness.add(v);
          }
          for (long v : BareSessionLoop.time(s, x, images.get(0), y, 5, n)) {
            bare.add(v);
          }
        }
        LatencyStats h = LatencyStats.of(harness);
        LatencyStats b = LatencyStats.of(bare);
        System.out.println("harness model-only: " + h.summary());
        System.out.println("bare Session.run:   " + b.summary());
        System.out.printf(
            "harness / bare: mean %.3f, p50 %.3f%n",
            h.meanNanos() / b.meanNanos(), (double) h.p50Nanos() / b.p50Nanos());
      }
      images.forEach(Tensor::close);
    }
  }
}
