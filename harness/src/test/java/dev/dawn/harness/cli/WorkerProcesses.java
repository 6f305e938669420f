package dev.dawn.harness.cli;

import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.run.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@code dawn} child JVMs for cluster tests, each with its own environment and output file; closing
 * kills whatever still runs, so no test leaves a process behind.
 */
final class WorkerProcesses implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();

  /**
   * @param env extra environment (e.g. TF_CONFIG)
   */
  Process start(List<String> dawnArgs, Map<String, String> env, Path log) throws IOException {
    return start(UnaryOperator.identity(), dawnArgs, env, log);
  }

  /**
   * @param placement turns the command line into the one that starts it elsewhere (a network
   *     namespace)
   */
  Process start(
      UnaryOperator<List<String>> placement,
      List<String> dawnArgs,
      Map<String, String> env,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>(ChildJvm.command(DawnCli.class.getName(), dawnArgs));
    command.add(1, "-Xmx1g");
    ProcessBuilder b =
        new ProcessBuilder(placement.apply(command))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    b.environment().remove(TfConfig.VARIABLE);
    b.environment().putAll(env);
    Process p = b.start();
    started.add(p);
    return p;
  }

  /** A {@code dawn train} of task {@code task} of {@code workers}. */
  Process train(List<String> workers, int task, List<String> trainArgs, Path log)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("train"));
    args.addAll(trainArgs);
    return start(args, Map.of(TfConfig.VARIABLE, new TfConfig(workers, task).toJson()), log);
  }

  /** The exit status, or fails the test when the process runs longer than {@code seconds}. */
  static int exitWithin(Process p, long seconds) throws InterruptedException {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("process " + p.pid() + " still runs after " + seconds + " s");
    }
    return p.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : started) p.waitFor(30, TimeUnit.SECONDS);
  }
}
