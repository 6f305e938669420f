package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cluster.LocalCluster;
import dev.dawn.harness.cluster.TfConfig;
import dev.dawn.harness.cluster.netns.NamespacesOrSkip;
import dev.dawn.harness.cluster.netns.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker says where its server can be reached before it starts it, and refuses a public address
 * (in the worker list or on an interface of its host) unless distributed.allowPublicAddresses: one
 * line, exit 2, no run folder, no server started.
 */
class PublicAddressTest {
  @TempDir Path dir;

  @Test
  void aPublicAddressInTfConfigIsRefusedInOneLineBeforeTheServerStarts() throws Exception {
    Path config = TinyTrainingConfig.write(dir, "public");
    Path results = dir.resolve("results");
    Path log = dir.resolve("w0.log");
    List<String> workers = List.of(LocalCluster.loopbackWorkers(1).get(0), "8.8.8.8:2222");
    try (WorkerProcesses processes = new WorkerProcesses()) {
      Process p =
          processes.train(
              workers,
              0,
              List.of("--config", config.toString(), "--results", results.toString()),
              log);
      assertThat(WorkerProcesses.exitWithin(p, 120)).as(Files.readString(log)).isEqualTo(2);
    }
    String out = Files.readString(log);
    List<String> errors = out.lines().filter(l -> l.startsWith("dawn train:")).toList();
    assertThat(errors)
        .singleElement()
        .asString()
        .startsWith(
            "dawn train: worker task 0's server would be reachable on public address 8.8.8.8"
                + " (8.8.8.8:2222, public), and TensorFlow's gRPC server runs any op for anyone who"
                + " reaches it")
        .contains("set distributed.allowPublicAddresses: true once a firewall admits only");
    assertThat(out).doesNotContain("listening on", "\tat ");
    assertThat(results.resolve("runs")).doesNotExist();
  }

  @Test
  void aPublicAddressOnAnInterfaceIsRefusedUnlessTheConfigAllowsIt() throws Exception {
    try (NetworkNamespace ns = NamespacesOrSkip.open()) {
      // A host with a public address, in a namespace of its own so nothing outside the test sees
      // it: the address on loopback (every kernel has lo; dummy interfaces need a module).
      List<String> ip = List.of("ip", "addr", "add", "8.8.4.4/32", "dev", "lo");
      Process added = new ProcessBuilder(ns.enter(ip)).inheritIO().start();
      assertThat(added.waitFor(30, TimeUnit.SECONDS) && added.exitValue() == 0)
          .as(ip.toString())
          .isTrue();
      Path config = TinyTrainingConfig.write(dir, "interface");
      List<String> workers = List.of("127.0.0.1:23456", "127.0.0.1:23457");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "train",
                  "--config",
                  config.toString(),
                  "--results",
                  dir.resolve("r").toString()));
      Map<String, String> env = Map.of(TfConfig.VARIABLE, new TfConfig(workers, 0).toJson());
      try (WorkerProcesses processes = new WorkerProcesses()) {
        Path refused = dir.resolve("refused.log");
        Process worker = processes.start(ns::enter, args, env, refused);
        assertThat(WorkerProcesses.exitWithin(worker, 120))
            .as(Files.readString(refused))
            .isEqualTo(2);
        assertThat(Files.readString(refused))
            .contains(
                "dawn train: worker task 0's server would be reachable on public address 8.8.4.4"
                    + " (lo, public)")
            .doesNotContain("listening on");

        args.addAll(List.of("--set", "distributed.allowPublicAddresses=true"));
        Path allowed = dir.resolve("allowed.log");
        Process q = processes.start(ns::enter, args, env, allowed);
        String out = awaitLine(q, allowed, "listening on 127.0.0.1:23456");
        assertThat(out)
            .contains(
                "worker task 0's server will answer on port 23456 at every address of this host: ")
            .contains("127.0.0.1 (lo, loopback)", "8.8.4.4 (lo, public)");
      }
    }
  }

  private static String awaitLine(Process p, Path log, String line) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      String out = Files.readString(log);
      if (out.contains(line)) return out;
      assertThat(p.isAlive()).as(out).isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + line + "' within 2 minutes:\n" + Files.readString(log));
  }
}
