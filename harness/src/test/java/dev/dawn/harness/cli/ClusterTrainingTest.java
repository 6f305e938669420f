package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.checkpoint.RunModel;
import dev.dawn.harness.cluster.LocalCluster;
import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.cluster.netns.NamespacesOrSkip;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code dawn train} processes training one model over loopback gRPC: started by {@code
 * dawn launch}, or by hand with TF_CONFIG as separate hosts would be.
 */
class ClusterTrainingTest {
  @TempDir Path dir;

  private static Path runFolder(Path results) throws Exception {
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      List<Path> runs = s.filter(p -> Files.exists(p.resolve(RunFolder.EVENTS))).toList();
      assertThat(runs).as("run folders under " + results).hasSize(1);
      return runs.get(0);
    }
  }

  @Test
  void launchTrainsOnTwoWorkersAndTheChiefOwnsTheRunFolder() throws Exception {
    NamespacesOrSkip.assumeAvailable(); // dawn launch runs its workers in one
    Path config = TinyTrainingConfig.write(dir, "pair");
    Path results = dir.resolve("results");
    Path log = dir.resolve("launch.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch =
          processes.start(
              List.of(
                  "launch",
                  "--workers",
                  "2",
                  "--config",
                  config.toString(),
                  "--set",
                  "train.epochs=1",
                  "--results",
                  results.toString()),
              Map.of(),
              log);
      int exit = WorkerProcesses.exitWithin(launch, 300);
      String out = Files.readString(log);
      assertThat(exit).as(out).isEqualTo(3); // the 100% target is never reached
      assertThat(out).contains("[worker 0] ", "[worker 1] ", "all 2 workers joined");

      Path run = runFolder(results);
      assertThat(run.resolve("metrics.csv")).exists();
      assertThat(RunModel.checkpoint(run)).as("the chief wrote the final checkpoint").isPresent();
      assertThat(Files.readString(run.resolve("metrics.csv")))
          .contains("workers,compute_ms_per_step,exposed_comm_ms_per_step");
      var chiefEvents = EventLogReader.read(run.resolve(RunFolder.EVENTS));
      EpochStop epoch = EpochStop.KIND.in(chiefEvents).get(0);
      assertThat(epoch.workers()).isEqualTo(2);
      assertThat(epoch.images()).isEqualTo(300); // the global epoch: 10 classes x 30
      assertThat(epoch.computeMsPerStep()).isPositive();
      assertThat(epoch.exposedCommMsPerStep()).isNotNull();
      assertThat(Files.readString(run.resolve(RunFolder.ENVIRONMENT)))
          .contains("\"configHash\"", "\"serverReachableOn\"", "\"scope\" : \"loopback\"");

      Path worker = run.resolve("workers").resolve("1");
      assertThat(worker.resolve(RunFolder.ENVIRONMENT)).exists();
      var workerEvents = EventLogReader.read(worker.resolve(RunFolder.EVENTS));
      assertThat(EpochStop.KIND.in(workerEvents)).hasSize(1);
      assertThat(RunStop.KIND.in(workerEvents).get(0).status()).isEqualTo("target_not_reached");
      assertThat(worker.resolve("weights")).doesNotExist();
      assertThat(worker.resolve("metrics.csv")).doesNotExist();

      // run listings see the chief's folder only
      Path index = dir.resolve("runs.csv");
      assertThat(
              DawnCli.commandLine()
                  .execute("runs", "--results", results.toString(), "--out", index.toString()))
          .isZero();
      assertThat(Files.readAllLines(index)).hasSize(2);
      assertThat(Files.readAllLines(index).get(1)).endsWith(run.toString());
    }
  }

  @Test
  void aWorkerWithAnotherConfigIsRefusedNamingTheKey() throws Exception {
    Path config = TinyTrainingConfig.write(dir, "differs");
    Path results = dir.resolve("results");
    List<String> workers = LocalCluster.loopbackWorkers(2);
    try (WorkerProcesses processes = new WorkerProcesses()) {
      List<String> args = List.of("--config", config.toString(), "--results", results.toString());
      Process chief = processes.train(workers, 0, args, dir.resolve("w0.log"));
      Process other =
          processes.train(
              workers,
              1,
              Stream.concat(args.stream(), Stream.of("--set", "train.batchSize=40")).toList(),
              dir.resolve("w1.log"));
      int chiefExit = WorkerProcesses.exitWithin(chief, 300);
      int otherExit = WorkerProcesses.exitWithin(other, 300);
      String chiefOut = Files.readString(dir.resolve("w0.log"));
      String otherOut = Files.readString(dir.resolve("w1.log"));
      assertThat(chiefExit).as(chiefOut).isEqualTo(2);
      assertThat(otherExit).as(otherOut).isEqualTo(2);
      for (String out : List.of(chiefOut, otherOut)) {
        assertThat(out)
            .contains(
                "dawn train: worker task 1's config differs from task 0's in train.batchSize:"
                    + " all workers must run the same config")
            .doesNotContain("Exception", "\tat ");
      }
      assertThat(results.resolve("runs")).doesNotExist();
    }
  }

  @Test
  void aPortThatCannotBeBoundIsOneLineBeforeAnyRunFolder() throws Exception {
    Path config = TinyTrainingConfig.write(dir, "port");
    Path results = dir.resolve("results");
    Path log = dir.resolve("port.log");
    try (WorkerProcesses processes = new WorkerProcesses();
        var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<String> workers =
          List.of("127.0.0.1:" + taken.getLocalPort(), LocalCluster.loopbackWorkers(1).get(0));
      Process p =
          processes.train(
              workers,
              0,
              List.of("--config", config.toString(), "--results", results.toString()),
              log);
      assertThat(WorkerProcesses.exitWithin(p, 120)).as(Files.readString(log)).isEqualTo(2);
      assertThat(Files.readString(log))
          .contains("dawn train: worker task 0 cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .doesNotContain("\tat ");
      assertThat(results.resolve("runs")).doesNotExist();
    }
  }

  @Test
  void badTfConfigIsOneClearLine() throws Exception {
    Path config = TinyTrainingConfig.write(dir, "bad");
    Path log = dir.resolve("bad.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process p =
          processes.start(
              List.of("train", "--config", config.toString(), "--results", dir.toString()),
              Map.of(TfConfig.VARIABLE, "{\"cluster\": {\"worker\": [\"127.0.0.1:1\"]"),
              log);
      assertThat(WorkerProcesses.exitWithin(p, 120)).isEqualTo(2);
      assertThat(Files.readString(log).strip())
          .startsWith("dawn train: TF_CONFIG is not valid JSON")
          .doesNotContain("\n");
    }
  }

  @Test
  void aKilledWorkerEndsTheRunAsFailedNamingIt() throws Exception {
    Path config = dir.resolve("long.yaml");
    Files.writeString(
        config,
        """
        name: killed
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 20, valPerClass: 5, imageSize: 40}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 500, batchSize: 20, targetAccuracy: 100.0}
        distributed: {timeoutSeconds: 10}
        """
            .formatted(dir.resolve("synthetic")));
    Path results = dir.resolve("results");
    Path runDir = results.resolve("runs").resolve("shared");
    List<String> workers = LocalCluster.loopbackWorkers(2);
    List<String> args =
        List.of(
            "--config",
            config.toString(),
            "--results",
            results.toString(),
            "--run-folder",
            runDir.toString());
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process chief = processes.train(workers, 0, args, dir.resolve("w0.log"));
      Process other = processes.train(workers, 1, args, dir.resolve("w1.log"));
      Path events = runDir.resolve(RunFolder.EVENTS);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)
          && !(Files.exists(events) && Files.readString(events).contains("\"eval_accuracy\""))) {
        assertThat(chief.isAlive()).as(Files.readString(dir.resolve("w0.log"))).isTrue();
        Thread.sleep(200);
      }
      assertThat(Files.readString(events)).contains("\"eval_accuracy\"");
      other.destroyForcibly(); // kill -9
      Instant killed = Instant.now();
      int exit = WorkerProcesses.exitWithin(chief, 10 + 90);
      String out = Files.readString(dir.resolve("w0.log"));
      assertThat(exit).as(out).isEqualTo(1);
      assertThat(Duration.between(killed, Instant.now())).isLessThan(Duration.ofSeconds(100));
      RunStop stop = RunStop.KIND.in(EventLogReader.read(events)).get(0);
      assertThat(stop.status()).isEqualTo("failed");
      assertThat(stop.reason())
          .isEqualTo(
              "worker task 1 ("
                  + workers.get(1)
                  + ") stopped answering; collectives failed within the 10 s timeout");
      assertThat(EpochStop.KIND.in(EventLogReader.read(events))).isNotEmpty();
      assertThat(out).contains("dawn train: failed: worker task 1 (").doesNotContain("\tat ");
      assertThat(runDir.resolve("metrics.csv")).exists(); // finished epochs kept
    }
  }

  @Test
  void launchStopsTheOtherWorkersWhenOneFailsAndNamesIt() throws Exception {
    NamespacesOrSkip.assumeAvailable(); // dawn launch runs its workers in one
    Path config = dir.resolve("long.yaml");
    Files.writeString(
        config,
        """
        name: stopped
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 20, valPerClass: 5, imageSize: 40}
        model: {architecture: resnet9, width: 0.125}
        train: {epochs: 500, batchSize: 20, targetAccuracy: 100.0}
        """
            .formatted(dir.resolve("synthetic")));
    Path results = dir.resolve("results");
    Path log = dir.resolve("launch.log");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process launch =
          processes.start(
              List.of(
                  "launch",
                  "--workers",
                  "2",
                  "--timeout-seconds",
                  "10",
                  "--config",
                  config.toString(),
                  "--results",
                  results.toString()),
              Map.of(),
              log);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline) && !Files.readString(log).contains("epoch 1: loss")) {
        assertThat(launch.isAlive()).as(Files.readString(log)).isTrue();
        Thread.sleep(200);
      }
      ProcessHandle worker1 =
          launch
              .descendants()
              .filter(p -> environment(p).contains("\"index\":1"))
              .findFirst()
              .orElseThrow();
      worker1.destroyForcibly(); // kill -9
      int exit = WorkerProcesses.exitWithin(launch, 10 + 15 + 60);
      String out = Files.readString(log);
      assertThat(exit).as(out).isEqualTo(137);
      assertThat(out)
          .contains("dawn launch: worker 1 failed with exit status 137 (ended by signal 9)");
      assertThat(launch.descendants().filter(ProcessHandle::isAlive)).isEmpty();
      // the launch's namespace went with it on this path too (named ones are listed, as root)
      assertThat(out).containsPattern("private network namespace (dawn-|held by process )");
      if (out.contains("namespace dawn-")) {
        Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
        String names = new String(list.getInputStream().readAllBytes());
        list.waitFor();
        assertThat(names).doesNotContain("dawn-" + launch.pid() + "-");
      }
      // the chief was stopped, not left behind, and recorded how its run ended
      Path run = runFolder(results);
      assertThat(RunStop.KIND.in(EventLogReader.read(run.resolve(RunFolder.EVENTS))))
          .singleElement()
          .satisfies(stop -> assertThat(stop.status()).isIn("failed", "killed"));
    }
  }

  /** A child's environment (Linux), where its TF_CONFIG says which task it is. */
  static String environment(ProcessHandle p) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")));
    } catch (java.io.IOException gone) {
      return "";
    }
  }
}
