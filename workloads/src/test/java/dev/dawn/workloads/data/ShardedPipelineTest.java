package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Workers of a cluster read disjoint slices that together are the unsharded plan. */
class ShardedPipelineTest {
  private static List<ImageSource> images(int n) {
    return TestImages.distinct(n, 12, 10);
  }

  private static PipelineOptions options() {
    return PipelineOptions.defaults().withSeed(7).withWorkers(2, 3);
  }

  @Test
  void twoShardsOfEveryTrainingBatchConcatenatedAreTheGlobalBatch() {
    List<ImageSource> images = images(36);
    try (InputPipeline whole = new InputPipeline(images, options());
        InputPipeline first = new InputPipeline(images, options(), new Shard(0, 2));
        InputPipeline second = new InputPipeline(images, options(), new Shard(1, 2))) {
      for (int epoch = 1; epoch <= 2; epoch++) {
        List<Batch> global = whole.epoch(epoch, 8, 8).toList();
        List<Batch> a = first.epoch(epoch, 8, 8).toList();
        List<Batch> b = second.epoch(epoch, 8, 8).toList();
        assertThat(global).hasSize(4);
        assertThat(a).hasSize(4);
        assertThat(b).hasSize(4);
        for (int i = 0; i < global.size(); i++) {
          assertThat(a.get(i).size()).isEqualTo(4);
          assertThat(concat(a.get(i).labels(), b.get(i).labels()))
              .isEqualTo(global.get(i).labels());
          assertThat(concat(a.get(i).pixels(), b.get(i).pixels()))
              .isEqualTo(global.get(i).pixels());
        }
      }
    }
  }

  @Test
  void evaluationShardsTakeEveryOtherBatchAndCoverTheSplitOnce() {
    List<ImageSource> images = images(11);
    try (InputPipeline whole = new InputPipeline(images, options());
        InputPipeline first = new InputPipeline(images, options(), new Shard(0, 2));
        InputPipeline second = new InputPipeline(images, options(), new Shard(1, 2))) {
      List<Batch> global = whole.evaluation(8, 3).toList(); // 3, 3, 3, 2
      List<Batch> a = first.evaluation(8, 3).toList();
      List<Batch> b = second.evaluation(8, 3).toList();
      assertThat(a).hasSize(2);
      assertThat(b).hasSize(2);
      assertThat(a.get(0).labels()).isEqualTo(global.get(0).labels());
      assertThat(b.get(0).labels()).isEqualTo(global.get(1).labels());
      assertThat(a.get(1).pixels()).isEqualTo(global.get(2).pixels());
      assertThat(b.get(1).size()).isEqualTo(2);
      assertThat(b.get(1).labels()).startsWith(9, 10);
    }
  }

  @Test
  void aShardDecodesOnlyItsOwnImages() {
    AtomicInteger decoded = new AtomicInteger();
    List<ImageSource> counting = CountingImages.counting(images(16), decoded);
    try (InputPipeline p =
        new InputPipeline(
            counting, options().withCache(PipelineOptions.CacheMode.OFF, 0), new Shard(1, 4))) {
      p.epoch(1, 8, 8).toList();
      assertThat(decoded.get()).isEqualTo(4); // 2 batches x 2 images
    }
  }

  @Test
  void aGlobalBatchThatDoesNotSplitEvenlyIsRefused() {
    try (InputPipeline p = new InputPipeline(images(8), options(), new Shard(0, 3))) {
      assertThatThrownBy(() -> p.epoch(1, 8, 4)).hasMessageContaining("3 workers");
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
