package dev.dawn.harness.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the DAWNBench entries checkout is: the flag, else $DAWNBENCH_ENTRIES, else
 * ../shared/dawnbench-entries.
 */
final class EntriesLocation {
  static final String DEFAULT = "../shared/dawnbench-entries";

  private EntriesLocation() {}

  static Path resolve(Path flag) {
    String env = System.getenv("DAWNBENCH_ENTRIES");
    Path dir =
        flag != null ? flag : env != null && !env.isBlank() ? Path.of(env) : Path.of(DEFAULT);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          "DAWNBench entries folder "
              + dir.toAbsolutePath().normalize()
              + " does not exist; clone "
              + "https://github.com/stanford-futuredata/dawn-bench-entries there, or pass --entries DIR or set DAWNBENCH_ENTRIES");
    }
    return dir;
  }
}
