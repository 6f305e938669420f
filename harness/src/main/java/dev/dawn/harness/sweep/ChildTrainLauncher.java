package dev.dawn.harness.sweep;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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

  /**
   * @param mainClass the {@code dawn} command's main class (its {@code train} subcommand runs the
   *     run)
   */
  public ChildTrainLauncher(String mainClass) {
    this.mainClass = mainClass;
  }

  @Override
  public int train(List<String> trainArgs, Path log) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // memory and VM settings carry over; debugger and agent options would clash in a second JVM
      if (arg.startsWith("-Xm") || arg.startsWith("-Xss") || arg.startsWith("-XX:"))
        command.add(arg);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.add("train");
    command.addAll(trainArgs);
    Process p =
        new ProcessBuilder(command)
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
