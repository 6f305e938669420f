package dev.dawn.workloads.training;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running {@link WorkerChild} with this JVM's java binary, classpath and environment.
 */
final class WorkerJvm implements AutoCloseable {
  final Process process;
  final Path log;

  private WorkerJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static WorkerJvm start(Path log, String... args) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                WorkerChild.class.getName()));
    command.addAll(List.of(args));
    // The environment (TF_ENABLE_ONEDNN_OPTS, TF_CPP_MIN_LOG_LEVEL) is inherited.
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new WorkerJvm(p, log);
  }

  /** Two loopback addresses on ports free right now. */
  static String freeLoopbackCluster() throws IOException {
    try (ServerSocket a = new ServerSocket(0);
        ServerSocket b = new ServerSocket(0)) {
      return "127.0.0.1:" + a.getLocalPort() + ",127.0.0.1:" + b.getLocalPort();
    }
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
