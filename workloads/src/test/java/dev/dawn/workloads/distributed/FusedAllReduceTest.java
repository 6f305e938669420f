package dev.dawn.workloads.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Every fusion threshold all-reduces to the same mean gradients as one message per tensor. */
class FusedAllReduceTest {
  private static final List<long[]> SHAPES =
      List.of(
          new long[] {3, 3, 3, 4},
          new long[] {4},
          new long[] {2, 5},
          new long[] {7},
          new long[] {5, 2});
  private static final int REPLICAS = 3;

  @Test
  void everyThresholdGivesTheMeanThatOneMessagePerTensorGives() {
    float[][][] inputs = randomGradients();
    List<float[][]> perTensor = reduce(inputs, 0);
    assertThat(bucketCount(0)).isEqualTo(SHAPES.size());
    for (long threshold : new long[] {1, 48, 200, 64L << 20}) {
      List<float[][]> fused = reduce(inputs, threshold);
      for (int r = 0; r < REPLICAS; r++) {
        for (int t = 0; t < SHAPES.size(); t++) {
          // the collective's summation order depends on how a message is chunked: equal up to float
          // rounding
          assertThat(fused.get(r)[t])
              .as("threshold %d replica %d tensor %d", threshold, r, t)
              .containsExactly(perTensor.get(r)[t], org.assertj.core.data.Offset.offset(1e-6f));
          // and every replica receives the very same values
          assertThat(fused.get(r)[t]).containsExactly(fused.get(0)[t]);
        }
      }
    }
    assertThat(bucketCount(64L << 20)).isEqualTo(1);
    // and it is the mean: every replica holds (a + b + c) / 3
    for (int t = 0; t < SHAPES.size(); t++) {
      for (int i = 0; i < inputs[0][t].length; i++) {
        float mean = (inputs[0][t][i] + inputs[1][t][i] + inputs[2][t][i]) / 3f;
        for (int r = 0; r < REPLICAS; r++) {
          assertThat(perTensor.get(r)[t][i])
              .isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-6f));
        }
      }
    }
  }

  private static int bucketCount(long threshold) {
    return FusionBuckets.pack(backwardBytes(), threshold).messages();
  }

  private static List<Long> backwardBytes() {
    return GradientTensors.backwardOrderBytes(
        SHAPES.stream().map(FusedAllReduceTest::size).toList(), 4);
  }

  /**
   * @return per replica, per tensor (forward order), the reduced values
   */
  private static List<float[][]> reduce(float[][][] inputs, long threshold) {
    ReplicaSettings settings = new ReplicaSettings(REPLICAS, threshold, 20);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Ops> replicaOps = new ArrayList<>();
      List<List<Operand<TFloat32>>> gradients = new ArrayList<>();
      for (int r = 0; r < REPLICAS; r++) {
        Ops rtf = tf.withSubScope("r" + r).withDevice(settings.device(r));
        replicaOps.add(rtf);
        List<Operand<TFloat32>> gs = new ArrayList<>();
        for (int t = 0; t < SHAPES.size(); t++) {
          gs.add(rtf.constant(Shape.of(SHAPES.get(t)), DataBuffers.of(inputs[r][t])));
        }
        gradients.add(gs);
      }
      var reduced =
          FusedAllReduce.mean(
              replicaOps,
              gradients,
              SHAPES,
              FusionBuckets.pack(backwardBytes(), threshold),
              REPLICAS,
              CollectiveKeys.GRADIENT_GROUP);
      try (Session s = new Session(g, settings.sessionConfig(ConfigProto.getDefaultInstance()))) {
        Session.Runner runner = s.runner();
        reduced.forEach(list -> list.forEach(runner::fetch));
        List<float[][]> out = new ArrayList<>();
        try (Result result = runner.run()) {
          int k = 0;
          for (int r = 0; r < REPLICAS; r++) {
            float[][] tensors = new float[SHAPES.size()][];
            for (int t = 0; t < SHAPES.size(); t++) {
              TFloat32 v = (TFloat32) result.get(k++);
              assertThat(v.shape().asArray()).isEqualTo(SHAPES.get(t));
              tensors[t] = new float[(int) v.size()];
              v.asRawTensor().data().asFloats().read(tensors[t]);
            }
            out.add(tensors);
          }
        }
        return out;
      }
    }
  }

  private static float[][][] randomGradients() {
    Random random = new Random(5);
    float[][][] in = new float[REPLICAS][SHAPES.size()][];
    for (int r = 0; r < REPLICAS; r++) {
      for (int t = 0; t < SHAPES.size(); t++) {
        in[r][t] = new float[(int) size(SHAPES.get(t))];
        for (int i = 0; i < in[r][t].length; i++) {
          in[r][t][i] = (float) random.nextGaussian();
        }
      }
    }
    return in;
  }

  private static long size(long[] shape) {
    long n = 1;
    for (long d : shape) n *= d;
    return n;
  }
}
