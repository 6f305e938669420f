package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.data.DatasetException;
import dev.dawn.workloads.data.DecodedImage;
import dev.dawn.workloads.data.ImageDataset;
import dev.dawn.workloads.data.ImageSource;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An undecodable validation image stops a DAWNBench evaluation and is only counted in any other. */
class EvaluationCoverageTest {
  private static final List<String> ONE_BAD = List.of("/data/val/ILSVRC2012_val_00000042.JPEG");

  @Test
  void fullImageNetValidationMustDecodeEveryImage() {
    EvaluationCoverage coverage = EvaluationCoverage.of("imagenet", dataset(1000, 50_000));
    assertThatThrownBy(() -> coverage.check(ONE_BAD, 50_000)).isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("/data/val/ILSVRC2012_val_00000042.JPEG: validation image cannot be decoded")
        .hasMessageContaining("50000 ImageNet validation images");
    assertThatCode(() -> coverage.check(List.of(), 50_000)).doesNotThrowAnyException();
  }

  @Test
  void fullCifarValidationMustDecodeEveryImage() {
    assertThatThrownBy(() -> EvaluationCoverage.of("cifar10", dataset(10, 10_000)).check(ONE_BAD, 10_000))
        .isInstanceOf(DatasetException.class).hasMessageContaining("CIFAR10");
  }

  @Test
  void subsetsAndSyntheticSetsSkipAndCount() {
    assertThatCode(() -> EvaluationCoverage.of("imagenet", dataset(1000, 500)).check(ONE_BAD, 500))
        .doesNotThrowAnyException();
    assertThatCode(() -> EvaluationCoverage.of("synthetic", dataset(1000, 50_000)).check(ONE_BAD, 50_000))
        .doesNotThrowAnyException();
  }

  private static ImageDataset dataset(int classes, int validation) {
    ImageSource image = new ImageSource() {
      @Override public String id() {
        return "x";
      }

      @Override public int label() {
        return 0;
      }

      @Override public DecodedImage decode() {
        return new DecodedImage(1, 1, new byte[3]);
      }
    };
    List<String> names = IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
    return new ImageDataset() {
      @Override public String name() {
        return "test";
      }

      @Override public List<String> classNames() {
        return names;
      }

      @Override public List<ImageSource> train() {
        return List.of(image);
      }

      @Override public List<ImageSource> validation() {
        return Collections.nCopies(validation, image);
      }
    };
  }
}
