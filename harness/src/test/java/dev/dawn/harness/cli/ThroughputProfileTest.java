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
 * log.
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
}
