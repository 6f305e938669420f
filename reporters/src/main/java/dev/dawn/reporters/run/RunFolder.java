package dev.dawn.reporters.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

/**
 * A run's folder and what is in it: the one contract every writer and reader of a run uses. {@code
 * <results>/runs/<timestamp>-<name>/} is created atomically and never reused, so a second run
 * started in the same second gets a suffix instead of overwriting anything. A folder is a run when
 * it holds {@value #EVENTS}; everything else in it is derived from that log (or, for {@value
 * #CONFIG} and {@value #ENVIRONMENT}, written beside it once at the start).
 *
 * @param runId the folder's name for a run, {@code <run>-worker-<i>} for a worker's folder
 */
public record RunFolder(Path dir, String runId) {
  /** The append-only event log. */
  public static final String EVENTS = "events.jsonl";

  /** The effective config the run was started with. */
  public static final String CONFIG = "config.yaml";

  /** The machine, software and settings the run measured on. */
  public static final String ENVIRONMENT = "environment.json";

  /** One row per epoch, derived from the log. */
  public static final String METRICS_CSV = "metrics.csv";

  /**
   * The run's TensorFlow checkpoints, {@code ckpt-<global step>/} each, newest kept: its training
   * state, and its model once training ends.
   */
  public static final String CHECKPOINTS = "checkpoints";

  /** In a run of several workers: worker i's own log and files under {@code workers/<i>/}. */
  public static final String WORKERS = "workers";

  /** An inference run's table of variants and batch sizes, derived from the log. */
  public static final String INFERENCE_SUMMARY = "inference-summary.csv";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** An existing run folder, named by its folder. */
  public static RunFolder of(Path dir) {
    return new RunFolder(dir, dir.toAbsolutePath().normalize().getFileName().toString());
  }

  public static RunFolder create(Path resultsRoot, String name, LocalDateTime now)
      throws IOException {
    Path runs = resultsRoot.resolve("runs");
    Files.createDirectories(runs);
    String base = STAMP.format(now) + "-" + name;
    for (int attempt = 1; ; attempt++) {
      String id = attempt == 1 ? base : base + "-" + attempt;
      try {
        return new RunFolder(Files.createDirectory(runs.resolve(id)), id);
      } catch (FileAlreadyExistsException taken) {
        // someone else's run: never write into it
      }
    }
  }

  /** Whether {@code dir} holds a run (its event log). */
  public static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(EVENTS));
  }

  /** Whether {@code dir} holds an inference run. */
  public static boolean isInferenceRun(Path dir) {
    return Files.isRegularFile(dir.resolve(INFERENCE_SUMMARY));
  }

  public Path events() {
    return dir.resolve(EVENTS);
  }

  public Path config() {
    return dir.resolve(CONFIG);
  }

  public Path environment() {
    return dir.resolve(ENVIRONMENT);
  }

  public Path checkpoints() {
    return dir.resolve(CHECKPOINTS);
  }

  /** Worker {@code task}'s folder inside this run's. */
  public Path worker(int task) {
    return dir.resolve(WORKERS).resolve(Integer.toString(task));
  }

  /**
   * The newest run folder under {@code resultsRoot/runs} whose name contains {@code -name}, if any.
   */
  public static Optional<Path> latest(Path resultsRoot, String nameSuffix) throws IOException {
    Path runs = resultsRoot.resolve("runs");
    if (!Files.isDirectory(runs)) return Optional.empty();
    try (var s = Files.list(runs)) {
      return s.filter(Files::isDirectory)
          .filter(p -> nameSuffix == null || p.getFileName().toString().contains("-" + nameSuffix))
          .filter(RunFolder::isRun)
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    }
  }
}
