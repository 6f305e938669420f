package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dawn throughput --profile: a folder with the training step's op profile, derived from its event
 * log; dawn replicas: images/s per replica count and fusion threshold.
 */
class ThroughputProfileTest {

  @Test
  void profileWritesTheTrainingStepsOpsWithSharesAddingUpTo100(@TempDir Path dir) throws Exception {
    Path config = TinyTrainingConfig.write(dir, "tiny-throughput");
    Path results = dir.resolve("results");
    int exit =
        DawnCli.commandLine()
            .execute(
                "throughput",
                "--config",
                config.toString(),
                "--rounds",
                "1",
                "--steps",
                "2",
                "--warmup",
                "1",
                "--profile",
                "2",
                "--results",
                results.toString());
    assertThat(exit).isZero();
    Path folder;
    try (Stream<Path> s = Files.list(results.resolve("profiles").resolve("runs"))) {
      folder = s.findFirst().orElseThrow();
    }
    List<String> csv = Files.readAllLines(folder.resolve("profile.csv"));
    assertThat(csv.get(0)).isEqualTo("profile,op,opType,device,calls,totalUs,meanUs,sharePercent");
    assertThat(csv)
        .anyMatch(l -> l.startsWith("train fp32,") && l.contains("Conv2DBackpropFilter"));
    assertThat(csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[7])).sum())
        .isCloseTo(100.0, within(0.5));
    assertThat(folder.resolve("profile-by-op-type.svg")).isRegularFile();
    assertThat(Files.readString(folder.resolve(RunFolder.EVENTS))).contains("\"op_profile\"");
  }

  @Test
  void aNegativeStepCountIsBadInput(@TempDir Path dir) throws Exception {
    Path config = TinyTrainingConfig.write(dir, "tiny-throughput");
    assertThat(
            DawnCli.commandLine()
                .execute("throughput", "--config", config.toString(), "--profile", "-1"))
        .isEqualTo(2);
  }

  @Test
  void replicasComparesEveryReplicaCountAndThreshold(@TempDir Path dir) throws Exception {
    Path config = TinyTrainingConfig.write(dir, "tiny-replicas");
    var out = new java.io.ByteArrayOutputStream();
    var was = System.out;
    int exit;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      exit =
          DawnCli.commandLine()
              .execute(
                  "replicas",
                  "--config",
                  config.toString(),
                  "--replicas",
                  "1,2",
                  "--fusion-threshold",
                  "0,1048576",
                  "--rounds",
                  "1",
                  "--steps",
                  "2",
                  "--warmup",
                  "1");
    } finally {
      System.setOut(was);
    }
    assertThat(exit).isZero();
    List<String> rows =
        out.toString(java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.matches("\\s+[12]\\s+\\S+\\s+\\d+\\s+\\d+\\s+[0-9.]+"))
            .toList();
    assertThat(rows).hasSize(3); // 1 replica, then 2 replicas x 2 thresholds
    assertThat(
            DawnCli.commandLine()
                .execute("replicas", "--config", config.toString(), "--replicas", "0"))
        .isEqualTo(2);
  }
}
