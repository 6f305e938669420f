package dev.dawn.workloads.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class FusionBucketsTest {

  @Test
  void packsGreedilyInBackwardOrderUpToTheThreshold() {
    // backward order: 10, 20, 30, 5, 40 bytes; threshold 35
    var b = FusionBuckets.pack(List.of(10L, 20L, 30L, 5L, 40L), 35);
    assertThat(b.buckets())
        .extracting(FusionBuckets.Bucket::tensors)
        .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    assertThat(b.buckets()).extracting(FusionBuckets.Bucket::bytes).containsExactly(30L, 35L, 40L);
    assertThat(b.messages()).isEqualTo(3);
    assertThat(b.totalBytes()).isEqualTo(105L);
    assertThat(b.last().tensors()).containsExactly(4);
  }

  @Test
  void aTensorLargerThanTheThresholdGetsItsOwnBucket() {
    var b = FusionBuckets.pack(List.of(4L, 100L, 4L, 4L), 10);
    assertThat(b.buckets())
        .extracting(FusionBuckets.Bucket::tensors)
        .containsExactly(List.of(0), List.of(1), List.of(2, 3));
  }

  @Test
  void thresholdZeroSendsEveryTensorAlone() {
    var b = FusionBuckets.pack(List.of(1L, 2L, 3L), 0);
    assertThat(b.messages()).isEqualTo(3);
  }

  @Test
  void aThresholdAboveTheTotalSendsOneMessage() {
    assertThat(FusionBuckets.pack(List.of(1L, 2L, 3L), 1L << 30).messages()).isEqualTo(1);
  }

  @Test
  void negativeThresholdIsRefused() {
    assertThatThrownBy(() -> FusionBuckets.pack(List.of(1L), -1))
        .hasMessageContaining("fusion threshold");
  }

  @Test
  void resNet50GradientsComeFromTheModelBuilderInBackwardOrder() {
    try (Graph g = new Graph()) {
      Model m = Model.build(Ops.create(g), ModelSpec.of("resnet50", 1000), 1L);
      List<Long> counts = GradientTensors.elementCounts(m);
      // 53 convs + 53 batch norms (gamma, beta) + dense kernel and bias
      assertThat(counts).hasSize(161);
      assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(25_557_032L);
      List<Long> bytes = GradientTensors.backwardOrderBytes(counts, 2);
      // backward order starts with the classifier: its bias (1000) then its kernel (2048 x 1000)
      assertThat(bytes.subList(0, 2)).containsExactly(2_000L, 4_096_000L);
      assertThat(FusionBuckets.pack(bytes, 64L << 20).messages()).isEqualTo(1);
      assertThat(FusionBuckets.pack(bytes, 0).messages()).isEqualTo(161);
    }
  }
}
