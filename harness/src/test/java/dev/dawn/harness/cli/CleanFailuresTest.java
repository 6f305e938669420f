package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.harness.cli.ReportingCommandsTest.Run;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected failures print one line naming the file or flag and exit 2 (bad input) or 1, without a
 * Java stack trace unless --verbose; one unreadable run folder does not sink dawn runs or dawn
 * report.
 */
class CleanFailuresTest {
  @TempDir Path tmp;

  private static Run dawn(String... args) {
    return ReportingCommandsTest.dawn(args);
  }

  private Path fixtureRun(Path results, String name) throws IOException {
    Path dir = Files.createDirectories(results.resolve("runs").resolve(name));
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/runs/imagenet-reached"))) {
      for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    RunExporter.export(dir);
    return dir;
  }

  private static void corruptThirdLine(Path run) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve(RunFolder.EVENTS)));
    lines.set(2, "{\"time_ms\":17000000000");
    Files.write(run.resolve(RunFolder.EVENTS), lines);
  }

  private static void assertNoStackTrace(Run run) {
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void exportOfACorruptEventLineIsOneLineExitTwo() throws Exception {
    Path run = fixtureRun(tmp.resolve("results"), "a");
    corruptThirdLine(run);

    Run export = dawn("export", run.toString());

    assertThat(export.exit()).isEqualTo(2);
    assertThat(export.err().strip())
        .startsWith("dawn export: " + run.resolve(RunFolder.EVENTS) + ":3: corrupt event line")
        .doesNotContain("\n");
    assertNoStackTrace(export);
  }

  @Test
  void exportOfAnEmptyEventLogIsOneLineExitTwo() throws Exception {
    Path killed = Files.createDirectories(tmp.resolve("results/runs/killed-at-once"));
    Files.writeString(killed.resolve(RunFolder.EVENTS), "");

    Run export = dawn("export", killed.toString());

    assertThat(export.exit()).isEqualTo(2);
    assertThat(export.err().strip())
        .startsWith("dawn export: " + killed.resolve(RunFolder.EVENTS) + ":")
        .contains("no run_start")
        .doesNotContain("\n");
    assertNoStackTrace(export);
  }

  @Test
  void runsAndReportSkipAnEmptyOrCorruptRunFolderNamingIt() throws Exception {
    Path results = tmp.resolve("results");
    fixtureRun(results, "a-good");
    Path corrupt = fixtureRun(results, "b-corrupt");
    corruptThirdLine(corrupt);
    Path killed = Files.createDirectories(results.resolve("runs/c-killed-at-once"));
    Files.writeString(killed.resolve(RunFolder.EVENTS), "");

    Run runs =
        dawn("runs", "--results", results.toString(), "--out", tmp.resolve("runs.csv").toString());
    assertThat(runs.exit()).as(runs.err()).isZero();
    assertThat(Files.readAllLines(tmp.resolve("runs.csv"))).hasSize(2);
    assertThat(runs.err())
        .contains("warning: skipping " + corrupt)
        .contains("warning: skipping " + killed);
    assertNoStackTrace(runs);

    Run report = dawn("report", "--results", results.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out()).contains("(1 training, 0 inference runs)");
    assertThat(report.err())
        .contains("warning: skipping " + corrupt)
        .contains("warning: skipping " + killed);
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path run = fixtureRun(tmp.resolve("results"), "a");
    corruptThirdLine(run);
    Run verbose = dawn("export", run.toString(), "--verbose");
    assertThat(verbose.exit()).isEqualTo(2);
    assertThat(verbose.err()).contains("EventLogFormatException").contains("\tat ");
  }

  @Test
  void dawnDebugOneAddsTheStackTraceInARealProcess() throws Exception {
    Path run = fixtureRun(tmp.resolve("results"), "a");
    corruptThirdLine(run);
    assertThat(exportInProcess(run, null)).doesNotContain("\tat ").contains("corrupt event line");
    assertThat(exportInProcess(run, "1")).contains("\tat ").contains("EventLogFormatException");
  }

  private String exportInProcess(Path run, String dawnDebug) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBin,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                DawnCli.class.getName(),
                "export",
                run.toString())
            .redirectErrorStream(true);
    builder.environment().remove("DAWN_DEBUG");
    if (dawnDebug != null) builder.environment().put("DAWN_DEBUG", dawnDebug);
    Process p = builder.start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isEqualTo(2);
      return out;
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void resultsThatIsAFileIsBadInputBeforeAnyWork() throws Exception {
    Path config = TinyTrainingConfig.write(tmp, "tiny");
    Path file = Files.writeString(tmp.resolve("results.txt"), "not a folder");

    Run train = dawn("train", "--config", config.toString(), "--results", file.toString());
    assertThat(train.exit()).isEqualTo(2);
    assertThat(train.err()).contains("--results " + file + ": is a file, not a folder");
    assertNoStackTrace(train);

    Run under =
        dawn(
            "train", "--config", config.toString(), "--results", file.resolve("deeper").toString());
    assertThat(under.exit()).isEqualTo(2);
    assertThat(under.err()).contains("--results " + file.resolve("deeper") + ": cannot create");
    assertNoStackTrace(under);
    assertThat(tmp.resolve("synthetic"))
        .as("no data generated for a run that cannot be saved")
        .doesNotExist();
  }

  @Test
  void exportSavedModelOntoAFileOrAnExistingSavedModelIsRefusedBeforeTheRunFolder()
      throws Exception {
    Path config = TinyTrainingConfig.write(tmp, "tiny");
    Path results = tmp.resolve("results");
    Path file = Files.writeString(tmp.resolve("model.pb"), "mine");

    Run onFile =
        dawn(
            "infer",
            "--random-resnet50",
            "32",
            "--config",
            config.toString(),
            "--results",
            results.toString(),
            "--export-savedmodel",
            file.toString());
    assertThat(onFile.exit()).isEqualTo(2);
    assertThat(onFile.err()).contains("--export-savedmodel " + file + ": is a file");
    assertNoStackTrace(onFile);
    assertThat(Files.readString(file)).isEqualTo("mine");

    Path earlier = Files.createDirectories(tmp.resolve("savedmodel"));
    Files.writeString(earlier.resolve("saved_model.pb"), "earlier model");
    Run onModel =
        dawn(
            "infer",
            "--random-resnet50",
            "32",
            "--config",
            config.toString(),
            "--results",
            results.toString(),
            "--export-savedmodel",
            earlier.toString());
    assertThat(onModel.exit()).isEqualTo(2);
    assertThat(onModel.err()).contains("already holds a SavedModel").contains("--overwrite");
    assertThat(Files.readString(earlier.resolve("saved_model.pb"))).isEqualTo("earlier model");

    assertThat(results).as("no half-made inference run folder").doesNotExist();
  }

  @Test
  void validateOfDeeplyNestedJsonIsAProblemNotACrash() throws Exception {
    Path file = Files.createDirectories(tmp.resolve("entries/ImageNet/train")).resolve("deep.json");
    Files.writeString(file, "[".repeat(100_000) + "]".repeat(100_000));

    Run validate = dawn("validate", tmp.resolve("entries").toString());

    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.out()).contains(file + ": not valid JSON").contains("1 problem");
    assertThat(validate.err()).doesNotContain("failed");
    assertNoStackTrace(validate);
  }
}
