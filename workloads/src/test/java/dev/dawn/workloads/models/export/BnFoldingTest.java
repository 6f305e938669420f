package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.inference.quant.Calibration;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8Net;
import dev.dawn.workloads.inference.quant.MinMaxCalibrator;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.numerics.HostNumerics;
import dev.dawn.workloads.numerics.Int8NetLayerCheck;
import dev.dawn.workloads.numerics.NetOutcome;
import dev.dawn.workloads.numerics.Nhwc;
import dev.dawn.workloads.training.TrainingSession;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class BnFoldingTest {
  static final int RES = 16;

  static float[] randomImages(int n, int resolution, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * resolution * resolution * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  static ModelWeights trained(ModelSpec spec) {
    try (TrainingSession s = TestNets.session(spec, 3L)) {
      TestNets.train(s, 3, RES);
      return s.weights().read();
    }
  }

  static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static void assertFoldedMatches(ModelSpec spec) {
    assertFoldedMatches(trained(spec));
  }

  private static void assertFoldedMatches(ModelWeights weights) {
    ModelSpec spec = weights.spec();
    // BN stats must be non-trivial for the comparison to mean anything
    String someBn = spec.architecture().equals("resnet9") ? "layer2.bn" : "stage2_block1.a.bn";
    assertThat(weights.get(someBn + ".moving_mean").values())
        .isNotEqualTo(new float[weights.get(someBn + ".moving_mean").values().length]);
    FoldedNet net = BnFolding.fold(weights, RES);
    float[] x = randomImages(3, RES, 11L);
    try (UnfoldedReference reference = new UnfoldedReference(weights);
        FoldedModel folded = new FoldedModel(net)) {
      float[] expected = reference.logits(x, 3, RES);
      float[] actual = folded.logits(x, 3);
      assertThat(actual).hasSize(3 * spec.numClasses());
      double scale = 0;
      for (float v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      assertThat(scale).as("logits are not all zero").isGreaterThan(1e-3);
      double diff = maxAbsDiff(expected, actual);
      System.out.printf(
          "BN folding %s %s width %s: max |folded - unfolded| logit %.2e (max |logit| %.3f)%n",
          spec.architecture(), spec.variant(), spec.widthMultiplier(), diff, scale);
      assertThat(diff).as("max |folded - unfolded| for " + spec).isLessThanOrEqualTo(1e-4);
    }
  }

  @Test
  void resNet9FoldedMatchesInferenceModeModel() {
    assertFoldedMatches(new ModelSpec("resnet9", 5, 0.0625, null, null));
  }

  @Test
  void resNet18FoldedMatchesInferenceModeModel() {
    assertFoldedMatches(new ModelSpec("resnet18", 5, 0.0625, "B", null));
  }

  @Test
  void bottleneckDeepStemVariantFolds() {
    // random BN statistics instead of training: a ResNet-50 training graph takes too long to build
    // for a unit test
    assertFoldedMatches(
        UnfoldedReference.randomBn(new ModelSpec("resnet50", 4, 0.03125, "C", null), 5L));
  }

  @Test
  void resNet18VariantDFoldedMatchesInferenceModeModel() {
    assertFoldedMatches(new ModelSpec("resnet18", 5, 0.125, "D", null));
  }

  @Test
  void bottleneckVariantDFolds() {
    ModelWeights weights =
        UnfoldedReference.randomBn(new ModelSpec("resnet50", 4, 0.125, "D", null), 6L);
    FoldedNet net = BnFolding.fold(weights, RES);
    // stage 1's projection only widens (stride 1): no pool; later stages pool 2x2 and project at
    // stride 1
    var blocks =
        net.layers().stream()
            .filter(l -> l instanceof ResidualBlock)
            .map(l -> (ResidualBlock) l)
            .toList();
    assertThat(blocks.get(0).shortcutPool()).isNull();
    ResidualBlock stage2 =
        blocks.stream().filter(b -> b.name().equals("stage2_block1")).findFirst().orElseThrow();
    assertThat(stage2.shortcutPool()).isEqualTo(new AvgPool(2, 2, Padding.SAME));
    assertThat(stage2.projection().stride()).isEqualTo(1);
    assertFoldedMatches(weights);
    assertInt8Runs(net);
  }

  /**
   * Calibrates on random images, builds the INT8 graph and checks the D shortcut is quantized,
   * logits finite and every layer computed as its kernel should.
   */
  private static void assertInt8Runs(FoldedNet net) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, RES, RES, 3)));
      NetGraph fp32 = NetGraph.build(tf, x, net);
      try (TFloat32 images =
              TFloat32.tensorOf(
                  Shape.of(4, RES, RES, 3), DataBuffers.of(randomImages(4, RES, 9L), true, false));
          Session s = new Session(g)) {
        var ranges =
            Calibration.ranges(s, x, fp32.activations(), List.of(images), MinMaxCalibrator::new);
        Int8Net int8 =
            Int8GraphBuilder.build(tf, x, net, ranges, Set.of(), HostNumerics.int8Weights());
        assertThat(int8.int8Convs()).contains("stage2_block1.shortcut", "stage4_block1.shortcut");
        try (Session s2 = new Session(g);
            Result r = s2.runner().feed(x, images).fetch(int8.output()).run()) {
          float[] logits = new float[4 * 4];
          ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(logits);
          for (float v : logits) {
            assertThat(v).isFinite();
          }
        }
        NetOutcome layers =
            Int8NetLayerCheck.run(
                net,
                ranges,
                Set.of(),
                HostNumerics.int8Weights(),
                Nhwc.of(randomImages(4, RES, 9L), new long[] {4, RES, RES, 3}));
        assertThat(layers.correct()).as("worst layer %s", layers.worst()).isTrue();
      }
    }
  }
}
