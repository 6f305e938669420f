package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.ActivationLayer;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.quant.Calibration;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8Net;
import dev.dawn.workloads.inference.quant.MinMaxCalibrator;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.numerics.HostNumerics;
import dev.dawn.workloads.numerics.Int8NetLayerCheck;
import dev.dawn.workloads.numerics.NetOutcome;
import dev.dawn.workloads.numerics.Nhwc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** airbench94 folds, exports, quantizes and costs through the same paths as the ResNets. */
class Airbench94ExportTest {
  private static final ModelSpec TINY = new ModelSpec("airbench94", 5, 0.0625, null, null);
  private static final int RES = 16;
  private static ModelWeights trained;

  /** A few SGD steps, once for the class: BN statistics far from (0, 1). */
  private static synchronized ModelWeights trained() {
    if (trained == null) {
      trained = BnFoldingTest.trained(TINY);
    }
    return trained;
  }

  @Test
  void foldedMatchesTheInferenceModeModel() {
    ModelWeights weights = trained();
    float[] mean = weights.get("group2.a.bn.moving_mean").values();
    assertThat(mean).as("BN stats moved").isNotEqualTo(new float[mean.length]);
    for (int resolution : new int[] {RES, 32}) {
      FoldedNet net = BnFolding.fold(weights, resolution);
      float[] x = BnFoldingTest.randomImages(3, resolution, 11L);
      try (UnfoldedReference reference = new UnfoldedReference(weights);
          FoldedModel folded = new FoldedModel(net)) {
        float[] expected = reference.logits(x, 3, resolution);
        double scale = 0;
        for (float v : expected) {
          scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).as("logits are not all zero").isGreaterThan(1e-3);
        double diff = BnFoldingTest.maxAbsDiff(expected, folded.logits(x, 3));
        System.out.printf(
            "BN folding airbench94 at %d px: max |folded - unfolded| logit %.2e (max |logit| %.3f)%n",
            resolution, diff, scale);
        assertThat(diff).isLessThanOrEqualTo(1e-4);
      }
    }
  }

  @Test
  void foldedStructureFollowsTheRecipe() {
    FoldedNet net = BnFolding.fold(UnfoldedReference.randomBn(TINY, 3L), 32);
    FoldedConv whiten = (FoldedConv) net.layers().get(0);
    assertThat(List.of(whiten.kh(), whiten.in(), whiten.out(), whiten.stride()))
        .containsExactly(2, 3, 24, 1);
    assertThat(whiten.padding()).isEqualTo(Padding.VALID);
    assertThat(net.layers().get(1))
        .isEqualTo(
            new ActivationLayer(
                "whiten" + BnFolding.ACTIVATION, dev.dawn.workloads.inference.net.Activation.GELU));
    // group1.a: conv (BN folded in front of the pool) -> 2x2 VALID max pool -> GELU
    assertThat(net.layers().get(3)).isEqualTo(new MaxPool(2, 2, Padding.VALID));
    assertThat(net.layers().get(4)).isInstanceOf(ActivationLayer.class);
    // 32 -> 31 -> 15 -> 7 -> 3: the head's global max pool is a 3x3 VALID pool, as airbench's
    // MaxPool(3)
    assertThat(net.layers()).contains(new MaxPool(3, 3, Padding.VALID));
    // 2x2x3x24 + 24, then 24->4->4->16->16->16->16 (x0.0625) with folded biases, then 16 -> 5 with
    // a bias
    assertThat(FlopCounter.count(net).parameters())
        .isEqualTo(
            312
                + (9 * 24 * 4 + 4)
                + (9 * 4 * 4 + 4)
                + (9 * 4 * 16 + 16)
                + 3 * (9 * 16 * 16 + 16)
                + (16 * 5 + 5));
  }

  @Test
  void randomResNet50HasTheCostOfTheHandWrittenRandomNet() {
    // the random ResNet-50 v1.5 that dawn infer --random-resnet50 measures, formerly built layer by
    // layer
    NetCost cost = FlopCounter.count(RandomNets.folded(ModelSpec.of("resnet50", 1000), 224, 1L));
    assertThat(cost).isEqualTo(new NetCost(25_530_472, 4_089_184_256L));
  }

  @Test
  void savedModelRoundTripsWithTheActivationLayers(@TempDir Path tmp) throws Exception {
    FoldedNet net = BnFolding.fold(UnfoldedReference.randomBn(TINY, 4L), RES);
    Path dir = tmp.resolve("airbench");
    SavedModelExport.export(net, dir);
    assertThat(Files.readString(dir.resolve(FoldedNetDescription.FILE)))
        .contains("\"version\" : 2", "\"GELU\"");
    assertThat(SavedModelExport.loadNet(dir)).usingRecursiveComparison().isEqualTo(net);
  }

  @Test
  void aDescriptionOfAnUnknownVersionIsRefusedNamingTheReadableOnes(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("future");
    SavedModelExport.export(BnFolding.fold(UnfoldedReference.randomBn(TINY, 4L), RES), dir);
    Path file = dir.resolve(FoldedNetDescription.FILE);
    Files.writeString(file, Files.readString(file).replace("\"version\" : 2", "\"version\" : 3"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SavedModelExport.loadNet(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("version 1 or 2, got 'dawn-folded-net' version 3");
  }

  @Test
  void int8GraphQuantizesTheGroupConvsAndEveryLayerComputesRight() {
    int px = 32;
    FoldedNet net = BnFolding.fold(trained(), px);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, px, px, 3)));
      NetGraph fp32 = NetGraph.build(tf, x, net);
      float[] pixels = BnFoldingTest.randomImages(4, px, 9L);
      try (TFloat32 images =
              TFloat32.tensorOf(Shape.of(4, px, px, 3), DataBuffers.of(pixels, true, false));
          Session s = new Session(g)) {
        var ranges =
            Calibration.ranges(s, x, fp32.activations(), List.of(images), MinMaxCalibrator::new);
        Int8Net int8 =
            Int8GraphBuilder.build(tf, x, net, ranges, Set.of(), HostNumerics.int8Weights());
        // every conv in INT8: the image and the GELU outputs are signed, so those convs read them
        // shifted to >= 0
        assertThat(int8.fp32Convs()).isEmpty();
        assertThat(int8.int8Convs())
            .containsExactly(
                "whiten", "group1.a", "group1.b", "group2.a", "group2.b", "group3.a", "group3.b");
        // Each layer computes what its INT8 kernel should, within an output step or so, from
        // the input the graph fed it; the quantization itself is intended, and on a net this
        // small its accumulated noise says more about the weights than about the host.
        NetOutcome o =
            Int8NetLayerCheck.run(
                net,
                ranges,
                Set.of(),
                HostNumerics.int8Weights(),
                Nhwc.of(pixels, new long[] {4, px, px, 3}));
        o.layers().forEach(d -> System.out.println("airbench94 INT8 " + d));
        assertThat(o.correct()).as("worst layer %s", o.worst()).isTrue();
      }
    }
  }
}
