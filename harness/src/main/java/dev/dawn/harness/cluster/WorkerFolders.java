package dev.dawn.harness.cluster;

import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Where each worker of a run writes. Task 0, the chief, owns the run folder (event log, evaluation,
 * TSV/JSON, weights); task i logs its own throughput, epochs and run_stop to {@code <run
 * folder>/workers/<i>/}. With {@code --run-folder DIR} (what {@code dawn launch} gives every
 * worker) the chief writes DIR and worker i DIR/workers/<i>; without it, on hosts that share no
 * disk, each process makes its own timestamped folder under its results folder and a worker writes
 * into its {@code workers/<i>/}. Run listings only look at folders holding events.jsonl directly
 * under {@code runs/}, so a worker's folder is never taken for a run.
 */
public final class WorkerFolders {

  private WorkerFolders() {}

  /**
   * @param given {@code --run-folder}, or null for a new timestamped folder
   * @throws IOException when the folder cannot be created
   * @throws ClusterStartException when {@code given} already holds a run (nothing is overwritten)
   */
  public static RunFolder create(
      Path results, String name, LocalDateTime now, Path given, int taskIndex) throws IOException {
    RunFolder run;
    if (given == null) {
      run = RunFolder.create(results, name, now);
    } else {
      Files.createDirectories(given);
      run = new RunFolder(given, given.toAbsolutePath().normalize().getFileName().toString());
    }
    RunFolder own =
        taskIndex == 0
            ? run
            : new RunFolder(
                Files.createDirectories(run.worker(taskIndex)),
                run.runId() + "-worker-" + taskIndex);
    if (Files.exists(own.events())) {
      throw new ClusterStartException(
          "--run-folder "
              + given
              + ": "
              + own.events()
              + " already holds a run; give every new run its own folder");
    }
    return own;
  }

  /**
   * The folder task {@code taskIndex} of the run in {@code runDir} wrote, for {@code dawn train
   * --resume}: the run folder for the chief, its {@code workers/<i>/} for worker i.
   *
   * @throws ClusterStartException when that folder holds no run
   */
  public static RunFolder resumed(Path runDir, int taskIndex) {
    RunFolder run =
        new RunFolder(runDir, runDir.toAbsolutePath().normalize().getFileName().toString());
    RunFolder own =
        taskIndex == 0
            ? run
            : new RunFolder(run.worker(taskIndex), run.runId() + "-worker-" + taskIndex);
    if (!Files.isRegularFile(own.events())) {
      throw new ClusterStartException(
          "--resume "
              + runDir
              + ": "
              + own.events()
              + " is missing; it holds no run of task "
              + taskIndex
              + " to continue");
    }
    return own;
  }
}
