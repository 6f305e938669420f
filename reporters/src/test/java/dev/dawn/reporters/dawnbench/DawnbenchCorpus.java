package dev.dawn.reporters.dawnbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real DAWNBench entries corpus for tests, or skips them with instructions. */
public final class DawnbenchCorpus {
  private DawnbenchCorpus() {}

  /**
   * $DAWNBENCH_ENTRIES, else ../shared/dawnbench-entries beside the repo (module dir:
   * ../../shared/...).
   */
  public static Path locateOrSkip() {
    String env = System.getenv("DAWNBENCH_ENTRIES");
    Path[] candidates = {
      env == null || env.isBlank() ? null : Path.of(env),
      Path.of("../../shared/dawnbench-entries"),
      Path.of("../shared/dawnbench-entries")
    };
    for (Path p : candidates) {
      if (p != null && Files.isDirectory(p.resolve("ImageNet"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    assumeTrue(
        false,
        "DAWNBench corpus not found: clone https://github.com/stanford-futuredata/dawn-bench-entries "
            + "(HEAD fb27b827bd83eff9021698ffe576b33a100e0b78) to ../shared/dawnbench-entries beside the repo, "
            + "or set DAWNBENCH_ENTRIES to its path");
    throw new AssertionError("unreachable");
  }
}
