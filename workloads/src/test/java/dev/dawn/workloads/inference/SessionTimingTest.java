package dev.dawn.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.latency.LatencyStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The harness path (LatencyRunner + SessionStep) against a bare Session.run loop on the same small
 * conv graph.
 */
class SessionTimingTest {
  @Test
  void runnerAndBareLoopMeasureTheSameGraph() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 32, 32, 16)));
      float[] w = new float[3 * 3 * 16 * 16];
      Random rnd = new Random(1);
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) rnd.nextGaussian() * 0.1f;
      }
      var kernel = tf.constant(Shape.of(3, 3, 16, 16), DataBuffers.of(w, true, false));
      var y = tf.nn.relu(tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME"));
      float[] img = new float[32 * 32 * 16];
      for (int i = 0; i < img.length; i++) {
        img[i] = rnd.nextFloat();
      }
      try (Session s = new Session(g)) {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          inputs.add(TFloat32.tensorOf(Shape.of(1, 32, 32, 16), DataBuffers.of(img, true, false)));
        }
        SessionStep step = new SessionStep(s, x, y);
        LatencyRun run = new LatencyRunner(10).runPreprocessed(inputs, step);
        LatencyStats bare;
        try (TFloat32 one =
            TFloat32.tensorOf(Shape.of(1, 32, 32, 16), DataBuffers.of(img, true, false))) {
          bare = LatencyStats.of(BareSessionLoop.time(s, x, one, y, 10, 50));
        }
        inputs.forEach(Tensor::close);
        System.out.println("harness model-only: " + LatencyStats.of(run.modelNanos()).summary());
        System.out.println("bare Session.run:   " + bare.summary());
        assertThat(LatencyStats.of(run.modelNanos()).count()).isEqualTo(50);
        assertThat(bare.count()).isEqualTo(50);
        assertThat(LatencyStats.of(run.modelNanos()).minNanos()).isPositive();
        assertThat(bare.minNanos()).isPositive();

        List<BatchPoint> sweep =
            new BatchSizeSweep(1, 3)
                .run(
                    List.of(1, 4),
                    b ->
                        step.onBatch(
                            TFloat32.tensorOf(
                                Shape.of(b, 32, 32, 16), DataBuffers.ofFloats(b * 32L * 32 * 16))));
        assertThat(sweep).hasSize(2);
        assertThat(LatencyStats.of(sweep.get(1).nanos(), sweep.get(1).batchSize()).itemsPerSample())
            .isEqualTo(4);
      }
    }
  }
}
