package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a full disk the weights error stays the reported one; run_stop's failure only rides along. */
class FailedRunEndingTest {
  @Test
  void laterFailuresAreSuppressedInTheFirstAndEveryWriteIsTried() {
    IOException weights =
        new IOException(
            "cannot write run/weights/weights.bin: run/weights/weights.bin.tmp: "
                + "No space left on device",
            new FileSystemException(
                "run/weights/weights.bin.tmp", null, "No space left on device"));
    List<String> tried = new ArrayList<>();

    FailedRunEnding.finish(
        weights,
        () -> {
          tried.add("run_stop");
          throw new UncheckedIOException(
              "cannot append event 'run_stop'", new IOException("No space left on device"));
        },
        () -> tried.add("export"));

    assertThat(tried).containsExactly("run_stop", "export");
    assertThat(weights.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasMessage("cannot append event 'run_stop'"));
  }
}
