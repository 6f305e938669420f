package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.workloads.data.DatasetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An undecodable validation image stops a DAWNBench evaluation and is only counted in any other.
 */
class EvaluationCoverageTest {
  private static final List<String> ONE_BAD = List.of("/data/val/ILSVRC2012_val_00000042.JPEG");

  private static EvaluationCoverage coverage(String kind, int classes, int validation) {
    return EvaluationCoverage.of(
        DawnbenchTask.judge(new DawnbenchTask.Facts(kind, classes, validation, validation, null)));
  }

  @Test
  void fullImageNetValidationMustDecodeEveryImage() {
    EvaluationCoverage coverage = coverage("imagenet", 1000, 50_000);
    assertThatThrownBy(() -> coverage.check(ONE_BAD, 50_000))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith(
            "/data/val/ILSVRC2012_val_00000042.JPEG: validation image cannot be decoded")
        .hasMessageContaining("50000 ImageNet validation images");
    assertThatCode(() -> coverage.check(List.of(), 50_000)).doesNotThrowAnyException();
  }

  @Test
  void fullCifarValidationMustDecodeEveryImage() {
    assertThatThrownBy(() -> coverage("cifar10", 10, 10_000).check(ONE_BAD, 10_000))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("CIFAR10");
  }

  @Test
  void subsetsAndSyntheticSetsSkipAndCount() {
    assertThatCode(() -> coverage("imagenet", 1000, 500).check(ONE_BAD, 500))
        .doesNotThrowAnyException();
    assertThatCode(() -> coverage("synthetic", 1000, 50_000).check(ONE_BAD, 50_000))
        .doesNotThrowAnyException();
  }
}
