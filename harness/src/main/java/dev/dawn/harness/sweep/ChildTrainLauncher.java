package dev.dawn.harness.sweep;

import dev.dawn.harness.run.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each {@code dawn train} as a child JVM on this JVM's class path and memory options. A child
 * per run because TensorFlow sizes its thread pools once per process (a cell that changes {@code
 * threads.*} would silently run on the first cell's pools), because a run's native memory and
 * graphs are released when it ends, and because a crash or a kill of one run then costs that run
 * only. The cost is a JVM and TensorFlow start per run, outside the run's training clock.
 */
public final class ChildTrainLauncher implements RunLauncher {
  private final String mainClass;
  private final List<String> command;

  /**
   * @param mainClass the {@code dawn} command's main class (its {@code train} subcommand runs the
   *     run)
   */
  public ChildTrainLauncher(String mainClass) {
    this(mainClass, List.of("train"));
  }

  /**
   * @param command the {@code dawn} subcommand (and its own options) that takes the train
   *     arguments, e.g. {@code launch --workers 2} to run each run on several worker processes
   */
  public ChildTrainLauncher(String mainClass, List<String> command) {
    this.mainClass = mainClass;
    this.command = List.copyOf(command);
  }

  @Override
  public int train(List<String> trainArgs, Path log) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(command);
    args.addAll(trainArgs);
    Process p =
        new ProcessBuilder(ChildJvm.command(mainClass, args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      throw e;
    }
  }
}
