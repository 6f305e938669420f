package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.reporters.inference.InferenceExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.RandomFoldedNets;
import dev.dawn.workloads.models.export.FoldedNetDescription;
import dev.dawn.workloads.models.export.SavedModelExport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** dawn infer on a tiny trained run: the sweep's files, their columns, and bad input. */
class InferCommandTest {

  private static Path tinyConfig(Path dir) throws Exception {
    return TinyTrainingConfig.write(dir, "tiny-infer");
  }

  @Test
  void sweepsPrecisionAndPruningAndWritesTheSummary(@TempDir Path dir) throws Exception {
    Path config = tinyConfig(dir);
    Path results = dir.resolve("results");
    assertThat(
            DawnCli.commandLine()
                .execute("train", "--config", config.toString(), "--results", results.toString()))
        .isEqualTo(3);
    Path run;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      run = s.findFirst().orElseThrow();
    }
    int exit =
        DawnCli.commandLine()
            .execute(
                "infer",
                "--model",
                run.toString(),
                "--results",
                results.toString(),
                "--limit",
                "20",
                "--warmup",
                "3",
                "--batch-sizes",
                "1,4",
                "--batch-repeats",
                "2",
                "--prune",
                "0,0.5",
                "--calibration-images",
                "16",
                "--export-savedmodel",
                dir.resolve("savedmodel").toString());
    assertThat(exit).isZero();
    Path infer;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      infer =
          s.filter(p -> p.getFileName().toString().contains("infer-")).findFirst().orElseThrow();
    }
    List<String> summary = Files.readAllLines(infer.resolve(RunFolder.INFERENCE_SUMMARY));
    assertThat(summary.get(0)).isEqualTo(String.join(",", InferenceExporter.COLUMNS));
    assertThat(summary).hasSize(1 + 4 * 2); // {fp32, int8} x {0, 0.5} x {1, 4}
    assertThat(summary.get(1)).startsWith("resnet9,32,fp32,0.0,1,20,");
    for (String label : List.of("fp32-prune0", "fp32-prune0.5", "int8-prune0", "int8-prune0.5")) {
      assertThat(Files.readAllLines(infer.resolve("latencies-" + label + ".csv"))).hasSize(21);
    }
    try (Stream<Path> s = Files.list(infer)) {
      assertThat(
              s.filter(p -> p.toString().endsWith(".json") && !p.endsWith("environment.json"))
                  .count())
          .isEqualTo(4);
    }
    assertThat(infer.resolve("latency-vs-batch-size.png")).isRegularFile();
    assertThat(dir.resolve("savedmodel").resolve("saved_model.pb")).isRegularFile();

    // The exported SavedModel as --model: the same sweep (the net is rebuilt from its layer
    // description), data from
    // --config.
    Path fromSaved = dir.resolve("results-savedmodel");
    assertThat(
            DawnCli.commandLine()
                .execute(
                    "infer",
                    "--model",
                    dir.resolve("savedmodel").toString(),
                    "--config",
                    config.toString(),
                    "--results",
                    fromSaved.toString(),
                    "--precision",
                    "fp32,int8",
                    "--prune",
                    "0,0.5",
                    "--limit",
                    "20",
                    "--warmup",
                    "3",
                    "--batch-sizes",
                    "1",
                    "--batch-repeats",
                    "2",
                    "--calibration-images",
                    "16"))
        .isZero();
    Path savedInfer;
    try (Stream<Path> s = Files.list(fromSaved.resolve("runs"))) {
      savedInfer = s.findFirst().orElseThrow();
    }
    List<String> savedSummary = Files.readAllLines(savedInfer.resolve(RunFolder.INFERENCE_SUMMARY));
    assertThat(savedSummary).hasSize(1 + 4);
    assertThat(savedSummary.get(1)).startsWith("savedmodel-savedmodel,32,fp32,0.0,1,20,");
    // same folded weights, same images: the FP32 top-1/top-5 of the run folder and of its
    // SavedModel agree
    assertThat(accuracyColumns(savedSummary.get(1))).isEqualTo(accuracyColumns(summary.get(1)));
    // --prune-residual-groups false: the convs meeting ResNet-9's residual adds (and the
    // classifier) keep their width
    Path ungrouped = dir.resolve("results-ungrouped");
    assertThat(
            DawnCli.commandLine()
                .execute(
                    "infer",
                    "--model",
                    dir.resolve("savedmodel").toString(),
                    "--config",
                    config.toString(),
                    "--results",
                    ungrouped.toString(),
                    "--precision",
                    "fp32,bf16",
                    "--prune",
                    "0.5",
                    "--limit",
                    "10",
                    "--warmup",
                    "2",
                    "--batch-sizes",
                    "1",
                    "--batch-repeats",
                    "2",
                    "--prune-residual-groups",
                    "false",
                    "--intra-op",
                    "1",
                    "--inter-op",
                    "1",
                    "--profile",
                    "3"))
        .isZero();
    Path ungroupedInfer;
    try (Stream<Path> s = Files.list(ungrouped.resolve("runs"))) {
      ungroupedInfer = s.findFirst().orElseThrow();
    }
    int params = InferenceExporter.COLUMNS.indexOf("params");
    long withGroups =
        Long.parseLong(savedSummary.get(2).split(",")[params]); // fp32, prune 0.5, default (groups)
    long withoutGroups =
        Long.parseLong(
            Files.readAllLines(ungroupedInfer.resolve(RunFolder.INFERENCE_SUMMARY))
                .get(1)
                .split(",")[params]);
    assertThat(withoutGroups).isGreaterThan(withGroups * 3 / 2);
    // TF sizes its thread pools at a process's first session, so in this test JVM the 1/1 request
    // is recorded as requested beside the pools in effect, unless this happened to be the first
    // session.
    String events = Files.readString(ungroupedInfer.resolve(RunFolder.EVENTS));
    assertThat(events)
        .contains(
            "\"pruneResidualGroups\":false",
            "\"bf16Native\":",
            "\"onednnConvIsa\":",
            "\"profileSteps\":3");
    // --profile: one op profile per variant, named by op, shares adding up to 100%
    List<String> profile = Files.readAllLines(ungroupedInfer.resolve("profile.csv"));
    assertThat(profile.get(0))
        .isEqualTo("profile,op,opType,device,calls,totalUs,meanUs,sharePercent");
    for (String label : List.of("fp32-prune0.5", "bf16-prune0.5")) {
      List<String[]> rows =
          profile.stream().skip(1).map(l -> l.split(",")).filter(c -> c[0].equals(label)).toList();
      assertThat(rows).isNotEmpty();
      assertThat(rows.stream().mapToDouble(c -> Double.parseDouble(c[7])).sum())
          .isCloseTo(100.0, within(0.5));
    }
    assertThat(profile).anyMatch(l -> l.startsWith("bf16-prune0.5,") && l.contains("Conv2D"));
    assertThat(ungroupedInfer.resolve("profile-by-op-type.png")).isRegularFile();
    assertThat(Files.readString(ungroupedInfer.resolve(RunFolder.ENVIRONMENT)))
        .contains("onednnConvIsa");
    assertThat(
            events.contains("\"intraOpThreads\":1,\"interOpThreads\":1")
                || events.contains("\"requestedIntraOpThreads\":1,\"requestedInterOpThreads\":1"))
        .isTrue();

    assertThat(
            infer.resolve(
                "dawn_resnet9_"
                    + dev.dawn.harness.run.MachineEnvironment.hardwareTag()
                    + "_tensorflowjava110_int8-prune0.5.json"))
        .isRegularFile();

    // Filing one variant into an entries checkout: a missing variant name is bad input, a second
    // filing is refused.
    Path entries = Files.createDirectories(dir.resolve("entries"));
    assertThat(
            DawnCli.commandLine()
                .execute(
                    "submit",
                    infer.toString(),
                    "--entries",
                    entries.toString(),
                    "--variant",
                    "int8-prune0.7"))
        .isEqualTo(2);
    // 20 of the validation images on synthetic data: no DAWNBench inference entry, whatever the
    // variant.
    String inferEvents = Files.readString(infer.resolve(RunFolder.EVENTS));
    assertThat(inferEvents)
        .contains("\"key\":\"dawnbench_task\"")
        .contains("\"evaluatedImages\":20")
        .contains("\"entry\":false");
    assertThat(
            DawnCli.commandLine()
                .execute("submit", infer.toString(), "--entries", entries.toString()))
        .isEqualTo(2);
    try (Stream<Path> s = Files.list(entries)) {
      assertThat(s).isEmpty();
    }
  }

  private static List<String> accuracyColumns(String row) {
    List<String> columns = InferenceExporter.COLUMNS;
    String[] cells = row.split(",");
    return columns.stream()
        .filter(c -> c.startsWith("top") || c.equals("params") || c.equals("gflops"))
        .map(c -> cells[columns.indexOf(c)])
        .toList();
  }

  /** A 3-class net (one conv, pool, dense) exported as a SavedModel. */
  private static Path tinySavedModel(Path dir) {
    RandomFoldedNets r = new RandomFoldedNets(3);
    FoldedNet net =
        new FoldedNet(
            16,
            16,
            3,
            List.of(
                r.conv("stem", 3, 3, 4, 2, true),
                new GlobalAvgPool(),
                r.dense("classifier", 4, 3)));
    Path saved = dir.resolve("tiny-savedmodel");
    SavedModelExport.export(net, saved);
    return saved;
  }

  @Test
  void aSavedModelForOtherClassesIsBadInputNamingBoth(@TempDir Path dir) throws Exception {
    Path saved = tinySavedModel(dir);
    Path config = tinyConfig(dir);
    StringWriter err = new StringWriter();
    CommandLine cli = DawnCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(
            cli.execute(
                "infer",
                "--model",
                saved.toString(),
                "--config",
                config.toString(),
                "--results",
                dir.resolve("results").toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains(saved.toString())
        .contains("3 output classes")
        .contains("10 classes")
        .contains(config.toString());
  }

  @Test
  void aSavedModelWithoutDawnsDescriptionIsBadInput(@TempDir Path dir) throws Exception {
    Path saved = tinySavedModel(dir);
    Files.delete(saved.resolve(FoldedNetDescription.FILE));
    StringWriter err = new StringWriter();
    CommandLine cli = DawnCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(
            cli.execute(
                "infer",
                "--model",
                saved.toString(),
                "--config",
                tinyConfig(dir).toString(),
                "--results",
                dir.resolve("results").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains(saved.toString()).contains("not written by dawn");
  }

  @Test
  void helpDescribesResidualGroupPruning() {
    StringWriter out = new StringWriter();
    CommandLine cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("infer", "--help")).isZero();
    assertThat(out.toString())
        .contains("--prune-residual-groups=true|false")
        .contains("residual add");
  }

  @Test
  void negativeThreadCountsAreBadInput(@TempDir Path dir) throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = DawnCli.commandLine();
    cli.setErr(new PrintWriter(err));
    assertThat(
            cli.execute(
                "infer",
                "--random-resnet50",
                "32",
                "--config",
                tinyConfig(dir).toString(),
                "--intra-op",
                "-1",
                "--results",
                dir.resolve("results").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--intra-op").contains("-1");
    assertThat(dir.resolve("results")).doesNotExist();
  }

  @Test
  void aFolderWithoutWeightsIsBadInput(@TempDir Path dir) {
    assertThat(DawnCli.commandLine().execute("infer", "--model", dir.toString())).isEqualTo(2);
  }
}
