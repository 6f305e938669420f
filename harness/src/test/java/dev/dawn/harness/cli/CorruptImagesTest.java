package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.ImageSkipped;
import dev.dawn.reporters.run.RunFolder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JPEG cut in half is skipped and counted in training and in evaluation, not decoded as grey. */
class CorruptImagesTest {
  @Test
  void truncatedJpegsAreSkippedAndCountedInTrainingAndEvaluation(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("imagenet");
    for (String wnid : List.of("n01", "n02")) {
      for (int i = 0; i < 10; i++) {
        Files.createDirectories(data.resolve("train").resolve(wnid));
        Files.write(data.resolve("train/" + wnid + "/" + i + ".JPEG"), jpeg(wnid.hashCode() + i));
      }
      for (int i = 0; i < 3; i++) {
        Files.createDirectories(data.resolve("val").resolve(wnid));
        Files.write(data.resolve("val/" + wnid + "/" + i + ".JPEG"), jpeg(wnid.hashCode() * 3 + i));
      }
    }
    cutInHalf(data.resolve("train/n01/4.JPEG"));
    cutInHalf(data.resolve("val/n02/1.JPEG"));
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config,
        """
        name: corrupt
        data: {kind: imagenet, path: %s}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 1, batchSize: 5, evalBatchSize: 6, resolution: 32, evalResolution: 32, targetAccuracy: 100.0}
        """
            .formatted(data));
    Path results = dir.resolve("results");

    TrainCommandTest.Run run =
        TrainCommandTest.dawn(
            "train", "--config", config.toString(), "--results", results.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    List<String> events =
        Files.readAllLines(TrainCommandTest.runFolders(results).get(0).resolve(RunFolder.EVENTS));
    assertThat(events)
        .filteredOn(l -> l.contains("\"epoch_stop\""))
        .singleElement()
        .asString()
        .contains("\"skipped_images\":1")
        .contains("\"images\":19");
    assertThat(events)
        .filteredOn(l -> l.contains("\"eval_accuracy\""))
        .singleElement()
        .asString()
        .contains("\"eval_samples\":5")
        .contains("\"eval_skipped_images\":1");
    // each skipped image is named once, with the reason, and counted in the run's summary
    Path log = TrainCommandTest.runFolders(results).get(0).resolve(RunFolder.EVENTS);
    assertThat(ImageSkipped.KIND.in(EventLogReader.read(log)))
        .extracting(ImageSkipped::image, ImageSkipped::split, ImageSkipped::epoch)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                data.resolve("train/n01/4.JPEG").toString(), "train", 1),
            org.assertj.core.groups.Tuple.tuple(
                data.resolve("val/n02/1.JPEG").toString(), "validation", 1));
    assertThat(ImageSkipped.KIND.in(EventLogReader.read(log)))
        .allSatisfy(
            s ->
                assertThat(s.reason())
                    .isNotBlank()
                    .doesNotContain(s.image())
                    .containsIgnoringCase("truncated"));
    assertThat(run.out())
        .contains(
            "2 undecodable images skipped (train 1, validation 1), each named with its reason in "
                + log
                + " (image_skipped)");

    // dawn infer measures every image it is given: the cut one is bad input naming the file, not a
    // stack trace.
    TrainCommandTest.Run infer =
        TrainCommandTest.dawn(
            "infer",
            "--model",
            TrainCommandTest.runFolders(results).get(0).toString(),
            "--results",
            dir.resolve("infer").toString(),
            "--precision",
            "fp32",
            "--prune",
            "0",
            "--batch-sizes",
            "1",
            "--batch-repeats",
            "1",
            "--warmup",
            "1");
    assertThat(infer.exit()).as(infer.out() + infer.err()).isEqualTo(2);
    assertThat(infer.err())
        .contains(data.resolve("val/n02/1.JPEG") + ": truncated or corrupt image")
        .doesNotContain("\tat ");
  }

  private static void cutInHalf(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
  }

  /**
   * A 96x96 picture with enough detail that half of its JPEG holds image data (not only headers).
   */
  private static byte[] jpeg(int seed) throws Exception {
    BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random rng = new java.util.Random(seed);
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 96; x++) {
        image.setRGB(x, y, rng.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }
}
