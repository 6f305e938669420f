package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.inference.InferenceExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dawn infer on a tiny trained run: the sweep's files, their columns, and bad input. */
class InferCommandTest {

  @Test
  void sweepsPrecisionAndPruningAndWritesTheSummary(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("tiny.yaml");
    Files.writeString(config, """
        name: tiny-infer
        data:
          path: %s
          synthetic: {classes: 10, trainPerClass: 30, valPerClass: 6, imageSize: 40}
        model: {architecture: resnet9, width: 0.25}
        train: {epochs: 2, batchSize: 20, evalBatchSize: 30, targetAccuracy: 100.0}
        """.formatted(dir.resolve("synthetic")));
    Path results = dir.resolve("results");
    assertThat(DawnCli.commandLine().execute("train", "--config", config.toString(), "--results", results.toString()))
        .isEqualTo(3);
    Path run;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      run = s.findFirst().orElseThrow();
    }
    int exit = DawnCli.commandLine().execute("infer", "--model", run.toString(), "--results", results.toString(),
        "--limit", "20", "--warmup", "3", "--batch-sizes", "1,4", "--batch-repeats", "2", "--prune", "0,0.5",
        "--calibration-images", "16", "--export-savedmodel", dir.resolve("savedmodel").toString());
    assertThat(exit).isZero();
    Path infer;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      infer = s.filter(p -> p.getFileName().toString().contains("infer-")).findFirst().orElseThrow();
    }
    List<String> summary = Files.readAllLines(infer.resolve(InferenceExporter.SUMMARY_CSV));
    assertThat(summary.get(0)).isEqualTo(String.join(",", InferenceExporter.COLUMNS));
    assertThat(summary).hasSize(1 + 4 * 2); // {fp32, int8} x {0, 0.5} x {1, 4}
    assertThat(summary.get(1)).startsWith("resnet9,32,fp32,0.0,1,20,");
    for (String label : List.of("fp32-prune0", "fp32-prune0.5", "int8-prune0", "int8-prune0.5")) {
      assertThat(Files.readAllLines(infer.resolve("latencies-" + label + ".csv"))).hasSize(21);
    }
    try (Stream<Path> s = Files.list(infer)) {
      assertThat(s.filter(p -> p.toString().endsWith(".json") && !p.endsWith("environment.json")).count()).isEqualTo(4);
    }
    assertThat(infer.resolve("latency-vs-batch-size.png")).isRegularFile();
    assertThat(dir.resolve("savedmodel").resolve("saved_model.pb")).isRegularFile();
    assertThat(infer.resolve("dawn_resnet9_" + dev.dawn.harness.run.MachineEnvironment.hardwareTag()
        + "_tensorflowjava110_int8-prune0.5.json")).isRegularFile();

    // Filing one variant into an entries checkout: a missing variant name is bad input, a second filing is refused.
    Path entries = Files.createDirectories(dir.resolve("entries"));
    assertThat(DawnCli.commandLine().execute("submit", infer.toString(), "--entries", entries.toString(),
        "--variant", "int8-prune0.7")).isEqualTo(2);
  }

  @Test
  void aFolderWithoutWeightsIsBadInput(@TempDir Path dir) {
    assertThat(DawnCli.commandLine().execute("infer", "--model", dir.toString())).isEqualTo(2);
  }
}
