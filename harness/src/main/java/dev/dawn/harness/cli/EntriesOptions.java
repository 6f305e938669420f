package dev.dawn.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The DAWNBench entries {@code dawn project check} and {@code fit} read, and old configs. */
final class EntriesOptions {
  @Option(
      names = "--entries",
      paramLabel = "DIR",
      description =
          "DAWNBench entries checkout. Default: $DAWNBENCH_ENTRIES, else ../shared/dawnbench-entries.")
  Path entries;

  @Option(
      names = "--configs-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs",
      description =
          "Where the configs of entries the corpus no longer holds are read (a record replaced "
              + "in place by a later one). Default: ${DEFAULT-VALUE}.")
  Path configsDir;
}
