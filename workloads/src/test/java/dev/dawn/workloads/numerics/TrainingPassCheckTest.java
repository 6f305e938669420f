package dev.dawn.workloads.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.precision.Precision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainingPassCheckTest {
  /**
   * The training graph in a reduced precision tracks float32 within {@code depth x u} of the logit
   * scale and repeats bit for bit; where it does not, the host's kernels for that precision must be
   * wrong (the op checks say so), else the fault is dawn's.
   */
  @ParameterizedTest
  @CsvSource({"resnet9, , BF16", "resnet18, D, BF16", "resnet9, , FP16", "resnet9, , FP32"})
  void theTrainingGraphTracksFloat32OrTheHostIsWrong(String arch, String variant, Precision p) {
    NetOutcome o =
        TrainingPassCheck.run(
            new ModelSpec(arch, 10, 0.125, variant, null), p, CheckSuite.images(24, 3), 5L);
    Deviation logits = o.layers().get(0);
    assertThat(logits.where()).startsWith("logits (");
    if (p.isMixed()) {
      assertThat(logits.maxError()).as("it really computed in " + p).isGreaterThan(0);
    }
    if (!o.correct()) {
      assertThat(HostKernels.wrong(p))
          .as("%s: %s while every %s kernel computes right", arch, logits, p)
          .isTrue();
    }
  }
}
