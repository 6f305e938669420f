package dev.dawn.harness.sweep;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A sweep's folder {@code <results>/sweeps/<timestamp>-<name>/}: the spec and a copy of its base
 * config as they were when the sweep started (a resumed sweep runs exactly those), the sweep's
 * events, the run folders, logs and the derived CSVs and charts. Created atomically and never
 * reused.
 */
public record SweepFolder(Path dir) {
  public static final String SPEC_FILE = "spec.yaml";
  public static final String BASE_CONFIG_FILE = "base-config.yaml";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  public static SweepFolder create(Path resultsRoot, SweepSpec spec, LocalDateTime now)
      throws IOException {
    Path sweeps = resultsRoot.resolve("sweeps");
    Files.createDirectories(sweeps);
    String base = STAMP.format(now) + "-" + spec.name();
    for (int attempt = 1; ; attempt++) {
      try {
        Path dir =
            Files.createDirectory(sweeps.resolve(attempt == 1 ? base : base + "-" + attempt));
        Files.writeString(dir.resolve(SPEC_FILE), spec.document().text());
        Files.copy(spec.base(), dir.resolve(BASE_CONFIG_FILE));
        return new SweepFolder(dir);
      } catch (FileAlreadyExistsException taken) {
        // another sweep started in the same second: never write into it
      }
    }
  }

  /** A sweep folder to resume: its saved spec, read with its saved base config. */
  public static SweepSpec savedSpec(Path dir) {
    return SweepSpec.read(dir.resolve(SPEC_FILE), dir.resolve(BASE_CONFIG_FILE).toAbsolutePath());
  }

  public static boolean isSweepFolder(Path dir) {
    return Files.isRegularFile(dir.resolve(SPEC_FILE))
        && Files.isRegularFile(dir.resolve(BASE_CONFIG_FILE));
  }
}
