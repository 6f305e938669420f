package dev.dawn.harness.cluster;

import dev.dawn.harness.run.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one training on {@code N} worker processes on this machine: each is a {@code dawn train}
 * child JVM with its own {@code TF_CONFIG} (the loopback cluster, its task index) and the same
 * {@code --run-folder}, exactly as N hosts would be started, where the launch places them ({@link
 * LaunchNetwork}: a private network namespace, or one namespace per worker on rate-capped links).
 * Their output is forwarded line by line behind a {@code [worker i]} prefix. Exit statuses 0, 3 and
 * 4 are how a run ends (target reached, epoch budget spent, diverged) and every worker reaches them
 * together; any other status means a worker failed, and the others are stopped: SIGTERM first, so
 * they write their run_stop and keep their finished epochs, then a forced kill after {@code
 * stopGrace}.
 */
public final class LocalCluster {
  /** How the launch ended: the exit status to return and, when a worker failed, which one. */
  public record Outcome(int exitCode, int failedTask, String message) {
    public boolean failed() {
      return failedTask >= 0;
    }
  }

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration FORWARD_DRAIN = Duration.ofSeconds(5);

  private final String mainClass;
  private final PrintStream out;
  private final Duration stopGrace;
  private final Consumer<String> progress;

  /**
   * @param stopGrace how long a stopped worker may take to write its run_stop before it is killed
   */
  public LocalCluster(
      String mainClass, PrintStream out, Duration stopGrace, Consumer<String> progress) {
    this.mainClass = mainClass;
    this.out = out;
    this.stopGrace = stopGrace;
    this.progress = progress;
  }

  /** Loopback addresses on free ports for {@code workers} tasks. */
  public static List<String> loopbackWorkers(int workers) throws IOException {
    return FreePorts.pick(workers).stream().map(p -> "127.0.0.1:" + p).toList();
  }

  /**
   * @param network every task's {@code host:port} and where each worker runs (a private network
   *     namespace, one of an emulated network, or this machine's own network)
   * @param trainArgs the {@code dawn train} arguments every worker gets ({@code --config ...})
   * @param runFolder the run folder every worker is given with {@code --run-folder}
   */
  public Outcome run(LaunchNetwork network, List<String> trainArgs, Path runFolder)
      throws IOException, InterruptedException {
    List<String> workers = network.workers();
    List<Process> processes = new ArrayList<>();
    List<Thread> forwarders = new ArrayList<>();
    Thread stopOnExit = new Thread(() -> processes.forEach(Process::destroy), "dawn-launch-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    try {
      for (int task = 0; task < workers.size(); task++) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(trainArgs);
        args.addAll(List.of("--run-folder", runFolder.toString()));
        ProcessBuilder builder =
            new ProcessBuilder(network.enter(task, ChildJvm.command(mainClass, args)))
                .redirectErrorStream(true);
        builder.environment().put(TfConfig.VARIABLE, new TfConfig(workers, task).toJson());
        // TensorFlow's distributed runtime logs every rendezvous at INFO; N workers' worth of it
        // would bury the progress lines (warnings and errors still show; set it to 0 to see all).
        builder.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "1");
        Process p = builder.start();
        processes.add(p);
        forwarders.add(forward(p, "[worker " + task + "] "));
      }
      Outcome outcome = watch(processes);
      if (outcome.failed()) {
        progress.accept(outcome.message() + "; stopping the other workers");
        stopAll(processes);
      }
      for (Thread t : forwarders) t.join(FORWARD_DRAIN.toMillis());
      return outcome;
    } finally {
      for (Process p : processes) {
        if (p.isAlive()) {
          p.destroyForcibly();
          p.waitFor(FORWARD_DRAIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running now; it stops what is left
      }
      deleteIfEmpty(runFolder);
    }
  }

  /** Waits until every worker ended or one failed. */
  private static Outcome watch(List<Process> processes) throws InterruptedException {
    while (true) {
      boolean allEnded = true;
      for (int task = 0; task < processes.size(); task++) {
        Process p = processes.get(task);
        if (p.isAlive()) {
          allEnded = false;
        } else if (!isRunEnding(p.exitValue())) {
          return new Outcome(
              p.exitValue(),
              task,
              "worker "
                  + task
                  + (task == 0 ? " (the chief)" : "")
                  + " failed with exit status "
                  + p.exitValue()
                  + describe(p.exitValue()));
        }
      }
      if (allEnded) return new Outcome(processes.get(0).exitValue(), -1, null);
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Target reached (0), epoch budget spent (3), diverged (4): the same on every worker. */
  private static boolean isRunEnding(int exitCode) {
    return exitCode == 0 || exitCode == 3 || exitCode == 4;
  }

  private static String describe(int exitCode) {
    if (exitCode == 2) return " (bad input, see its last line)";
    if (exitCode > 128) return " (ended by signal " + (exitCode - 128) + ")";
    return "";
  }

  private void stopAll(List<Process> processes) throws InterruptedException {
    for (Process p : processes) if (p.isAlive()) p.destroy();
    long deadline = System.nanoTime() + stopGrace.toNanos();
    for (Process p : processes) {
      long left = deadline - System.nanoTime();
      if (left > 0) p.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
    for (Process p : processes) {
      if (p.isAlive()) {
        progress.accept(
            "worker process " + p.pid() + " did not stop within " + stopGrace.toSeconds() + " s");
        p.destroyForcibly();
      }
    }
  }

  private Thread forward(Process p, String prefix) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (out) {
                    out.println(prefix + line);
                  }
                }
              } catch (IOException closed) {
                // the process ended and its pipe closed
              }
            },
            "dawn-launch-" + prefix.trim());
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A launch whose workers never started training leaves no empty run folder behind. */
  private static void deleteIfEmpty(Path dir) {
    try (var s = Files.list(dir)) {
      if (s.findAny().isEmpty()) Files.delete(dir);
    } catch (IOException ignored) {
      // not there or not empty: nothing to tidy
    }
  }
}
