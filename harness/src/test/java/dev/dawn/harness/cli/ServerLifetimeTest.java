package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cluster.LocalCluster;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's TensorFlow server lives as long as its run: once a worker has written run_stop - the
 * run reached its end, failed, or was stopped by a signal - its port closes (TensorFlow cannot stop
 * a server, so the process ends), and nothing answers there any more.
 */
class ServerLifetimeTest {
  /** The files derived after run_stop (TSV, JSON, charts, TensorBoard) take seconds, not this. */
  private static final Duration AFTER_RUN_STOP = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aRunThatEndsClosesEveryWorkersPort() throws Exception {
    Path config = TinyTrainingConfig.write(dir, "ends");
    Path run = dir.resolve("results").resolve("runs").resolve("ends");
    List<String> workers = LocalCluster.loopbackWorkers(2);
    List<String> args = new java.util.ArrayList<>(List.of("--set", "train.epochs=1"));
    args.addAll(trainArgs(config, run));
    try (WorkerProcesses processes = new WorkerProcesses()) {
      processes.train(workers, 0, args, dir.resolve("w0.log"));
      processes.train(workers, 1, args, dir.resolve("w1.log"));
      portClosesAfterRunStop(workers.get(0), run.resolve(RunFolder.EVENTS), "target_not_reached");
      portClosesAfterRunStop(
          workers.get(1), run.resolve("workers/1/events.jsonl"), "target_not_reached");
    }
  }

  @Test
  void aSignalledWorkerAndTheWorkerThatLostItBothClose() throws Exception {
    Path config =
        TinyTrainingConfig.writeEndless(dir, "signalled", "distributed: {timeoutSeconds: 10}\n");
    Path run = dir.resolve("results").resolve("runs").resolve("signalled");
    List<String> workers = LocalCluster.loopbackWorkers(2);
    List<String> args = trainArgs(config, run);
    try (WorkerProcesses processes = new WorkerProcesses()) {
      processes.train(workers, 0, args, dir.resolve("w0.log"));
      Process other = processes.train(workers, 1, args, dir.resolve("w1.log"));
      Path events = run.resolve(RunFolder.EVENTS);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)
          && !(Files.exists(events) && Files.readString(events).contains("\"eval_accuracy\""))) {
        Thread.sleep(200);
      }
      assertThat(Files.readString(events)).contains("\"eval_accuracy\"");
      other.destroy(); // SIGTERM
      portClosesAfterRunStop(workers.get(1), run.resolve("workers/1/events.jsonl"), "killed");
      portClosesAfterRunStop(workers.get(0), events, "failed");
    }
  }

  private List<String> trainArgs(Path config, Path run) {
    return List.of(
        "--config",
        config.toString(),
        "--results",
        dir.resolve("results").toString(),
        "--run-folder",
        run.toString());
  }

  /** Waits for the log's run_stop, then for {@code address} to stop accepting connections. */
  private static void portClosesAfterRunStop(String address, Path events, String status)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)
        && !(Files.exists(events) && Files.readString(events).contains("\"run_stop\""))) {
      Thread.sleep(200);
    }
    assertThat(RunStop.KIND.in(EventLogReader.read(events)))
        .as(events.toString())
        .singleElement()
        .satisfies(stop -> assertThat(stop.status()).isEqualTo(status));
    Instant stopped = Instant.now();
    while (accepts(address)
        && Duration.between(stopped, Instant.now()).compareTo(AFTER_RUN_STOP) < 0)
      Thread.sleep(200);
    assertThat(accepts(address)).as(address + " after run_stop").isFalse();
  }

  private static boolean accepts(String address) {
    int colon = address.lastIndexOf(':');
    try (Socket s = new Socket()) {
      s.connect(
          new InetSocketAddress(
              address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
          1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
