package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPipelineTest {
  private static final Normalization IDENTITY =
      new Normalization(new float[] {0, 0, 0}, new float[] {1, 1, 1});

  @TempDir Path tmp;

  /** {@code n} distinct 20x16 images; label = index, pixel values depend on index and position. */
  private static List<ImageSource> distinctImages(int n) {
    return TestImages.distinct(n, 20, 16);
  }

  private static PipelineOptions options(int workers) {
    return PipelineOptions.defaults().withSeed(42).withWorkers(workers, 3);
  }

  @Test
  void trainingAndEvaluationBatchShapes() {
    try (InputPipeline p = new InputPipeline(distinctImages(10), options(2))) {
      List<Batch> train = p.epoch(0, 12, 4).toList();
      assertThat(train)
          .hasSize(2)
          .allSatisfy(
              b -> {
                assertThat(b.size()).isEqualTo(4);
                assertThat(b.resolution()).isEqualTo(12);
                assertThat(b.pixels()).hasSize(4 * 12 * 12 * 3);
                assertThat(b.labels()).hasSize(4);
              });
      List<Batch> eval = p.evaluation(8, 4).toList();
      assertThat(eval).extracting(Batch::size).containsExactly(4, 4, 2);
      assertThat(eval.get(2).labels()).startsWith(8, 9);
      assertThat(eval.get(0).pixels()).hasSize(4 * 8 * 8 * 3);
    }
  }

  @Test
  void normalisesPerChannel() {
    ImageSource grey =
        TestImages.source(
            "u", 0, TestImages.image(10, 10, (x, y, c) -> new int[] {128, 64, 32}[c]));
    try (InputPipeline p = new InputPipeline(List.of(grey), options(1))) {
      Batch b = p.epoch(0, 6, 1).next();
      float[] mean = Normalization.imagenet().mean();
      float[] std = Normalization.imagenet().std();
      int[] value = {128, 64, 32};
      for (int i = 0; i < 6 * 6 * 3; i++) {
        int c = i % 3;
        assertThat(b.pixels()[i]).isCloseTo((value[c] / 255f - mean[c]) / std[c], within(1e-4f));
      }
    }
  }

  @Test
  void sameSeedSameBatchesWhateverTheWorkerCountAndEpochsDiffer() {
    List<ImageSource> images = distinctImages(40);
    try (InputPipeline one = new InputPipeline(images, options(1));
        InputPipeline three = new InputPipeline(images, options(3))) {
      List<Batch> a = one.epoch(1, 10, 8).toList();
      List<Batch> b = three.epoch(1, 10, 8).toList();
      assertThat(a).hasSize(5);
      for (int i = 0; i < a.size(); i++) {
        assertThat(b.get(i).labels()).isEqualTo(a.get(i).labels());
        assertThat(b.get(i).pixels()).isEqualTo(a.get(i).pixels());
      }
      Set<Integer> seen = new HashSet<>();
      a.forEach(batch -> Arrays.stream(batch.labels()).forEach(seen::add));
      assertThat(seen).as("an epoch visits every image once").hasSize(40);
      int[] epoch2 = one.epoch(2, 10, 8).next().labels();
      assertThat(epoch2).as("epoch 2 has its own shuffle").isNotEqualTo(a.get(0).labels());
    }
  }

  @Test
  void evaluationTakesTheCentreCropOfTheResizedShorterSide() {
    // R = 4x, G = 5y: a linear ramp, so bilinear sampling returns exactly the ramp at the sampled
    // position.
    ImageSource ramp =
        TestImages.source(
            "ramp", 3, TestImages.image(64, 48, (x, y, c) -> c == 0 ? 4 * x : c == 1 ? 5 * y : 0));
    try (InputPipeline p =
        new InputPipeline(List.of(ramp), options(1).withNormalization(IDENTITY))) {
      Batch b = p.evaluation(21, 1).next();
      // shorter side 48 -> round(21 / 0.875) = 24, so scale 0.5; the 21x21 centre is source x
      // 11..53, y 3..45.
      for (int oy = 0; oy < 21; oy++) {
        for (int ox = 0; ox < 21; ox++) {
          int o = (oy * 21 + ox) * 3;
          assertThat(b.pixels()[o]).isCloseTo(4 * (11.5f + 2 * ox) / 255f, within(1e-4f));
          assertThat(b.pixels()[o + 1]).isCloseTo(5 * (3.5f + 2 * oy) / 255f, within(1e-4f));
        }
      }
      assertThat(b.labels()[0]).isEqualTo(3);
    }
  }

  @Test
  void fullCropIsEitherTheImageOrItsMirror() {
    List<ImageSource> ramps = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      ramps.add(TestImages.source("r" + i, i, TestImages.image(16, 16, (x, y, c) -> 8 * x)));
    }
    PipelineOptions full =
        new PipelineOptions(
            3,
            2,
            2,
            PipelineOptions.CacheMode.ON,
            0,
            1.0,
            1.0,
            1.0,
            1.0,
            true,
            0.875,
            IDENTITY,
            true);
    int mirrored = 0;
    try (InputPipeline p = new InputPipeline(ramps, full)) {
      Batch b = p.epoch(0, 16, 24).next();
      for (int i = 0; i < 24; i++) {
        float first = b.pixels()[i * 16 * 16 * 3];
        float last = b.pixels()[i * 16 * 16 * 3 + 15 * 3];
        if (first > last) {
          mirrored++;
          assertThat(first).isCloseTo(8 * 15 / 255f, within(1e-5f));
        } else {
          assertThat(last).isCloseTo(8 * 15 / 255f, within(1e-5f));
          assertThat(first).isZero();
        }
      }
    }
    assertThat(mirrored).as("flip is random: some but not all mirrored").isBetween(1, 23);
  }

  @Test
  void corruptJpegsAreSkippedCountedOnceAndLeftOutLater() throws IOException {
    List<ImageSource> sources = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sources.add(
          new JpegFileSource(
              TestImages.writeJpeg(tmp.resolve("ok" + i + ".JPEG"), 12, 12, 50 * i, 0, 0), i));
    }
    Path garbage = Files.writeString(tmp.resolve("garbage.JPEG"), "this is not a JPEG at all");
    byte[] headerOnly = {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3
    };
    Path truncated = Files.write(tmp.resolve("truncated.JPEG"), headerOnly);
    sources.add(2, new JpegFileSource(garbage, 9));
    sources.add(new JpegFileSource(truncated, 9));

    try (InputPipeline p =
        new InputPipeline(
            sources,
            options(2).withCache(PipelineOptions.CacheMode.OFF, 0).withDropRemainder(false))) {
      int first = p.epoch(0, 8, 3).toList().stream().mapToInt(Batch::size).sum();
      assertThat(first).isEqualTo(5);
      assertThat(p.skippedImages()).isEqualTo(2);
      assertThat(p.skippedIds())
          .containsExactlyInAnyOrder(garbage.toString(), truncated.toString());

      List<Batch> second = p.epoch(1, 8, 3).toList();
      assertThat(second)
          .extracting(Batch::size)
          .as("known-corrupt images are out of the shuffle")
          .containsExactly(3, 2);
      assertThat(p.evaluation(8, 10).next().size()).isEqualTo(5);
      assertThat(p.skippedImages()).as("counted once").isEqualTo(2);
    }
  }

  @Test
  void cacheDecodesEachImageOnceAndAutoRespectsTheBudget() {
    AtomicInteger decodes = new AtomicInteger();
    List<ImageSource> counted = CountingImages.counting(distinctImages(6), decodes);
    try (InputPipeline on =
        new InputPipeline(counted, options(2).withCache(PipelineOptions.CacheMode.ON, 0))) {
      on.epoch(0, 8, 2).toList();
      on.epoch(1, 8, 2).toList();
      assertThat(decodes.get()).isEqualTo(6);
    }
    decodes.set(0);
    try (InputPipeline off =
        new InputPipeline(counted, options(2).withCache(PipelineOptions.CacheMode.OFF, 0))) {
      off.epoch(0, 8, 2).toList();
      off.epoch(1, 8, 2).toList();
      assertThat(decodes.get()).isEqualTo(12);
    }
    try (InputPipeline small =
            new InputPipeline(counted, options(1).withCache(PipelineOptions.CacheMode.AUTO, 100));
        InputPipeline big = new InputPipeline(counted, options(1))) {
      assertThat(small.cachingDecodedImages())
          .as("6 x 960 bytes exceed a 100-byte budget")
          .isFalse();
      assertThat(big.cachingDecodedImages()).isTrue();
    }
  }
}
