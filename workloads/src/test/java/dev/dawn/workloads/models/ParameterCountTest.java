package dev.dawn.workloads.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class ParameterCountTest {

  private static long count(ModelSpec spec) {
    try (Graph g = new Graph()) {
      return Model.build(Ops.create(g), spec, 1L).parameterCount();
    }
  }

  @Test
  void resnet50V15MatchesPublishedCount() {
    assertThat(count(ModelSpec.of("resnet50", 1000))).isEqualTo(25_557_032L);
    // Stride placement does not change the count.
    assertThat(count(new ModelSpec("resnet50", 1000, 1.0, "A", null))).isEqualTo(25_557_032L);
  }

  @Test
  void resnet18And34MatchPublishedCounts() {
    assertThat(count(ModelSpec.of("resnet18", 1000))).isEqualTo(11_689_512L);
    assertThat(count(ModelSpec.of("resnet34", 1000))).isEqualTo(21_797_672L);
  }

  @Test
  void deepStemReplacesSevenBySevenConvAndAvgDownAddsNothing() {
    long b = count(ModelSpec.of("resnet50", 1000));
    long c = count(new ModelSpec("resnet50", 1000, 1.0, "C", null));
    long d = count(new ModelSpec("resnet50", 1000, 1.0, "D", null));
    long sevenBySeven = 7 * 7 * 3 * 64;
    long deepStem = 3 * 3 * 3 * 32 + 2 * 32 + 3 * 3 * 32 * 32 + 2 * 32 + 3 * 3 * 32 * 64;
    assertThat(c).isEqualTo(b - sevenBySeven + deepStem);
    assertThat(d).isEqualTo(c);
  }

  @Test
  void resnet9CountFollowsTheLayerList() {
    long expected = 0;
    expected += conv(3, 64) + bn(64); // prep
    expected += conv(64, 128) + bn(128); // layer1
    expected += 2 * (conv(128, 128) + bn(128)); // layer1 residual
    expected += conv(128, 256) + bn(256); // layer2
    expected += conv(256, 512) + bn(512); // layer3
    expected += 2 * (conv(512, 512) + bn(512)); // layer3 residual
    expected += 512 * 10; // classifier, no bias
    assertThat(expected).isEqualTo(6_573_120L);
    assertThat(count(ModelSpec.of("resnet9", 10))).isEqualTo(expected);
  }

  @Test
  void widthMultiplierScalesChannels() {
    long quarter = count(new ModelSpec("resnet9", 10, 0.25, null, null));
    long expected =
        conv(3, 16)
            + bn(16)
            + conv(16, 32)
            + bn(32)
            + 2 * (conv(32, 32) + bn(32))
            + conv(32, 64)
            + bn(64)
            + conv(64, 128)
            + bn(128)
            + 2 * (conv(128, 128) + bn(128))
            + 128 * 10;
    assertThat(quarter).isEqualTo(expected);
  }

  @Test
  void rejectsUnknownArchitectureAndVariant() {
    assertThatThrownBy(() -> ModelSpec.of("vgg16", 10)).hasMessageContaining("vgg16");
    assertThatThrownBy(() -> new ModelSpec("resnet50", 10, 1.0, "E", null))
        .hasMessageContaining("variant 'E'");
    assertThatThrownBy(() -> new ModelSpec("resnet9", 10, 1.0, "D", null))
        .hasMessageContaining("resnet9");
    assertThatThrownBy(() -> new ModelSpec("resnet9", 10, 0.0, null, null))
        .hasMessageContaining("widthMultiplier");
  }

  private static long conv(int in, int out) {
    return 3L * 3 * in * out;
  }

  private static long bn(int channels) {
    return 2L * channels;
  }
}
