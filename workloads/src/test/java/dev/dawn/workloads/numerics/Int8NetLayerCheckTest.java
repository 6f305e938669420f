package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Int8NetLayerCheckTest {
  private static FoldedNet net(String arch, String variant) {
    return RandomNets.folded(new ModelSpec(arch, 10, 0.125, variant, null), 32, 5L);
  }

  /** With the weights this host's INT8 kernels compute right, every layer is right. */
  @ParameterizedTest
  @CsvSource({"resnet9, ", "resnet18, D"})
  void everyLayerIsRightWithTheHostsWeights(String arch, String variant) {
    FoldedNet net = net(arch, variant);
    Nhwc images = CheckSuite.images(32, 3);
    NetOutcome o =
        Int8NetLayerCheck.run(
            net,
            Int8NetLayerCheck.calibrate(net, images),
            Set.of(),
            HostNumerics.int8Weights(),
            images);
    assertThat(o.correct()).as("worst layer %s", o.worst()).isTrue();
    assertThat(o.repeatable()).isTrue();
  }

  /**
   * A graph whose weights are not those the reference expects (here quantized to the other grid) is
   * caught at a quantized conv.
   */
  @ParameterizedTest
  @CsvSource({"resnet9, ", "resnet18, D"})
  void aGraphThatComputesOtherWeightsIsCaught(String arch, String variant) {
    FoldedNet net = net(arch, variant);
    Nhwc images = CheckSuite.images(32, 3);
    Map<String, ActivationRange> ranges = Int8NetLayerCheck.calibrate(net, images);
    Int8Weights host = HostNumerics.int8Weights();
    Int8Weights other =
        host == Int8Weights.EIGHT_BIT ? Int8Weights.SEVEN_BIT : Int8Weights.EIGHT_BIT;
    NetOutcome o = Int8NetLayerCheck.run(net, ranges, Set.of(), host, other, images);
    assertThat(o.correct()).isFalse();
    String first = o.firstBeyondBound().orElseThrow().where();
    assertThat(net.layers().stream().map(Int8NetLayerCheckTest::name)).contains(first);
    assertThat(first).doesNotStartWith("maxpool").doesNotStartWith("globalavgpool");
  }

  private static String name(dev.dawn.workloads.inference.net.LayerSpec l) {
    if (l instanceof dev.dawn.workloads.inference.net.FoldedConv c) return c.name();
    if (l instanceof dev.dawn.workloads.inference.net.ResidualBlock b) return b.name();
    return "";
  }
}
