package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.models.export.WeightFileException;
import dev.dawn.workloads.training.MissingKernelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which failures are the user's to fix (exit 2) and how file system errors read. */
class FailureMessageTest {
  @Test
  void aMissingPrecisionKernelIsBadInput() {
    FailureMessage m =
        FailureMessage.of(
            new MissingKernelException(
                "train.precision bf16: this TensorFlow build (2.18.0) registers no DT_BFLOAT16 kernel for op(s) [Tile]"));
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.line()).startsWith("train.precision bf16:");
  }

  @Test
  void aBadWeightFileIsBadInputNamingTheFile() {
    FailureMessage m =
        FailureMessage.of(
            new WeightFileException(
                Path.of("run/weights/weights.bin"),
                "has 10 bytes but weights.json says 20 (truncated)"));
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.line())
        .isEqualTo("run/weights/weights.bin: has 10 bytes but weights.json says 20 (truncated)");
  }

  @Test
  void fileSystemErrorsSayWhichFileAndWhy() {
    FailureMessage full =
        FailureMessage.of(
            new UncheckedIOException(
                "cannot write run/weights/weights.bin",
                new FileSystemException(
                    "run/weights/weights.bin.tmp", null, "No space left on device")));
    assertThat(full.exitCode()).isEqualTo(1);
    assertThat(full.line())
        .isEqualTo(
            "failed: cannot write run/weights/weights.bin: run/weights/weights.bin.tmp: No space left on device");
    assertThat(
            FailureMessage.of(new IOException("x", new AccessDeniedException("/ro/results")))
                .line())
        .isEqualTo("failed: x: /ro/results: permission denied");
  }

  @Test
  void theFirstErrorIsReportedAndALaterOneOnlyAfterIt() {
    IOException first =
        new IOException("cannot write run/weights/weights.bin: No space left on device");
    first.addSuppressed(
        new UncheckedIOException("cannot append event 'run_stop'", new IOException("disk full")));
    assertThat(FailureMessage.of(first).line())
        .isEqualTo(
            "failed: cannot write run/weights/weights.bin: No space "
                + "left on device (then also: cannot append event 'run_stop')");
  }
}
