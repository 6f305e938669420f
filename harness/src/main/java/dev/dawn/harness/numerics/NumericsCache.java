package dev.dawn.harness.numerics;

import dev.dawn.harness.run.DawnBuild;
import dev.dawn.workloads.inference.CpuFlags;
import dev.dawn.workloads.numerics.CheckSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Reports of the check suite, one file per CPU (model and every flag), TensorFlow version, dawn
 * build, suite version and setting, under {@code <results>/cache/numerics/}: a new CPU, a new
 * TensorFlow, a new build of dawn or a changed check is checked again, anything else is read back.
 * {@code DAWN_NUMERICS_CACHE} names another folder (the test suites share one).
 */
public final class NumericsCache {
  public static final String ENV = "DAWN_NUMERICS_CACHE";

  private final Path dir;

  NumericsCache(Path dir) {
    this.dir = dir;
  }

  /** The cache of a results folder, or the one {@value #ENV} names. */
  public static NumericsCache under(Path results) {
    String override = System.getenv(ENV);
    return new NumericsCache(
        override != null && !override.isBlank()
            ? Path.of(override)
            : results.resolve("cache").resolve("numerics"));
  }

  /** The cached report of this setting, running the suite (and caching it) when there is none. */
  public NumericsReport report(NumericsSetting setting, String tensorflow) {
    Optional<NumericsReport> cached = read(setting, tensorflow);
    if (cached.isPresent()) {
      return cached.get();
    }
    NumericsReport fresh = ProbeRun.run(setting, tensorflow);
    write(setting, tensorflow, fresh);
    return fresh;
  }

  /** Runs the suite again and replaces the cached report. */
  public NumericsReport refresh(NumericsSetting setting, String tensorflow) {
    NumericsReport fresh = ProbeRun.run(setting, tensorflow);
    write(setting, tensorflow, fresh);
    return fresh;
  }

  public Path file(NumericsSetting setting, String tensorflow) {
    return dir.resolve(key(setting, tensorflow) + ".json");
  }

  Optional<NumericsReport> read(NumericsSetting setting, String tensorflow) {
    Path f = file(setting, tensorflow);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NumericsJson.MAPPER.readValue(f.toFile(), NumericsReport.class));
    } catch (IOException e) {
      return Optional.empty(); // an unreadable cache entry is checked again
    }
  }

  void write(NumericsSetting setting, String tensorflow, NumericsReport report) {
    try {
      Files.createDirectories(dir);
      Path f = file(setting, tensorflow);
      Path tmp = Files.createTempFile(dir, ".numerics", ".tmp");
      NumericsJson.MAPPER.writeValue(tmp.toFile(), report);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the numerics cache in " + dir, e);
    }
  }

  static String key(NumericsSetting setting, String tensorflow) {
    DawnBuild build = DawnBuild.current();
    String identity =
        String.join(
            "\n",
            dev.dawn.harness.run.MachineEnvironment.cpuModel(),
            String.join(" ", CpuFlags.read()),
            tensorflow,
            build.commit() + "/" + build.dirty(),
            "suite " + CheckSuite.VERSION,
            setting.label());
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return (setting.oneDnn() ? "onednn-on" : "onednn-off")
          + (setting.isaCap().isEmpty()
              ? ""
              : "-" + setting.isaCap().toLowerCase().replaceAll("[^a-z0-9_]", "_"))
          + "-"
          + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
