package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.SweepRunStart;
import dev.dawn.reporters.events.SweepRunStop;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.sweep.SweepResults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dawn runs, report, leaderboard, submit and validate on hand-written run folders (no training).
 */
class ReportingCommandsTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run dawn(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(stderr, true));
    try {
      var cli = DawnCli.commandLine();
      cli.setOut(new PrintWriter(System.out, true));
      cli.setErr(new PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(), err + stderr.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The hand-written fixture copied to results/runs/<name> and exported like a finished run. */
  Path run(Path results, String name) throws IOException {
    Path dir = results.resolve("runs").resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/runs/imagenet-reached"))) {
      for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    RunExporter.export(dir);
    return dir;
  }

  static final String IMAGENET_FACTS =
      "\"dataKind\":\"imagenet\",\"classes\":1000,\"validationImages\":50000,\"evaluatedImages\":50000";

  /**
   * The fixture as a run on the embedded synthetic set of 5 classes (its top-5 is 100% by
   * construction).
   */
  Path syntheticRun(Path results, String name) throws IOException {
    Path dir = run(results, name);
    Path events = dir.resolve(RunFolder.EVENTS);
    String text = Files.readString(events);
    assertThat(text).contains(IMAGENET_FACTS);
    Files.writeString(
        events,
        text.replace(
            IMAGENET_FACTS,
            "\"dataKind\":\"synthetic\",\"classes\":5,\"validationImages\":50,\"evaluatedImages\":50"));
    RunExporter.export(dir);
    return dir;
  }

  /** An entries checkout holding the fixture run's files, filed with dawn submit. */
  Path entriesWithOurRun() throws IOException {
    Path entries = Files.createDirectories(tmp.resolve("entries"));
    Run submit =
        dawn(
            "submit", run(tmp.resolve("results"), "a").toString(), "--entries", entries.toString());
    assertThat(submit.exit()).as(submit.err()).isZero();
    return entries;
  }

  static Path corpusOrSkip() {
    String env = System.getenv("DAWNBENCH_ENTRIES");
    for (Path p :
        new Path[] {
          env == null || env.isBlank() ? null : Path.of(env),
          Path.of("../../shared/dawnbench-entries")
        }) {
      if (p != null && Files.isDirectory(p.resolve("ImageNet"))) return p;
    }
    assumeTrue(
        false,
        "DAWNBench corpus not found: clone https://github.com/stanford-futuredata/dawn-bench-entries to "
            + "../shared/dawnbench-entries beside the repo, or set DAWNBENCH_ENTRIES");
    throw new AssertionError();
  }

  @Test
  void runsIndexAndReportOfAllRuns() throws Exception {
    Path results = tmp.resolve("results");
    run(results, "a");
    Path b = run(results, "b");
    Files.writeString(
        b.resolve(RunFolder.CONFIG),
        Files.readString(b.resolve(RunFolder.CONFIG)).replace("batchSize: 256", "batchSize: 512"));

    // A dawn infer folder of a random-weight model has no training record and no dawnbench_entry:
    // not a row here.
    Path infer = Files.createDirectories(results.resolve("runs/c-infer-resnet50-random-224px"));
    Files.writeString(
        infer.resolve(RunFolder.EVENTS),
        "{\"time_ms\":1,\"event_type\":\"INTERVAL_START\",\"key\":\"run_start\",\"value\":null,\"metadata\":{\"run_id\":\"c\"}}\n");
    Files.writeString(infer.resolve("inference-summary.csv"), "model\n");

    Run index =
        dawn(
            "runs",
            "--results",
            results.toString(),
            "--out",
            results.resolve("runs.csv").toString());
    assertThat(index.exit()).as(index.err()).isZero();
    assertThat(Files.readAllLines(results.resolve("runs.csv")))
        .hasSize(3)
        .first()
        .asString()
        .startsWith(
            "run_id,config_name,model,batch_size,optimizer,learning_rate,resolution,status");
    assertThat(dawn("runs", "--results", results.toString()).out())
        .contains(",512,momentum,0.1,224,success,2,3:00:00,");

    Run report = dawn("report", "--results", results.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out()).contains("(2 training, 1 inference runs)");
    String html = Files.readString(results.resolve("report.html"));
    assertThat(html)
        .contains("<td class=\"num\">3:00:00</td>")
        .contains("<td>256</td><td>512</td>")
        .doesNotContain("<script");

    Run two =
        dawn(
            "report",
            results.resolve("runs/a").toString(),
            "--out",
            tmp.resolve("x/one.html").toString());
    assertThat(two.exit()).isZero();
    assertThat(Files.readString(tmp.resolve("x/one.html")))
        .contains("href=\"../results/runs/a/events.jsonl\"");
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : new String[] {"report", "runs", "leaderboard", "submit", "validate"}) {
      Run help = dawn(c, "--help");
      assertThat(help.exit()).as(c).isZero();
      assertThat(help.out()).as(c).contains("Usage: dawn " + c);
      assertThat(help.err()).as(c).doesNotContain("Could not format");
    }
  }

  @Test
  void badInputIsExitTwoWithAMessage() {
    Run missing = dawn("report", tmp.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("not a run folder").doesNotContain("Exception");
    Run empty = dawn("report", "--results", tmp.toString());
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("no run folders");
    Run budget = dawn("report", "--accuracy-budget", "-1", "--results", tmp.toString());
    assertThat(budget.exit()).isEqualTo(2);
    assertThat(budget.err().strip())
        .isEqualTo(
            "dawn report: --accuracy-budget: must be a finite number of points >= 0, got -1.0");
    Run noEntries = dawn("leaderboard", "--entries", tmp.resolve("none").toString());
    assertThat(noEntries.exit()).isEqualTo(2);
    assertThat(noEntries.err()).contains("does not exist").contains("DAWNBENCH_ENTRIES");
  }

  @Test
  void aSweepWhoseSpecNamesAMalformedPairIsBadInputNamingTheSpec() throws Exception {
    Path sweep = tmp.resolve("sweep");
    run(sweep, "r1");
    try (EventLog log = EventLog.append(sweep.resolve(SweepResults.EVENTS_FILE))) {
      log.write(
          new SweepRunStart(1, 1, 42, "r1", java.util.Map.of("optimizer.name", "lars"), null));
      log.write(new SweepRunStop(1, 1, 0, "runs/r1", null));
    }
    Files.writeString(sweep.resolve("spec.yaml"), "compare:\n  - a: optimizer.name=lars\n");
    Run report = dawn("report", "--results", sweep.toString());
    assertThat(report.exit()).isEqualTo(2);
    assertThat(report.err())
        .contains(sweep.resolve("spec.yaml") + ": compare entry 1: a compare entry is {a:")
        .doesNotContain("Exception");
    // Without the bad entry the same folder reports.
    Files.writeString(sweep.resolve("spec.yaml"), "name: s\n");
    Run fine = dawn("report", "--results", sweep.toString());
    assertThat(fine.exit()).as(fine.err()).isZero();
    assertThat(fine.out()).contains("1 sweep");
  }

  @Test
  void submitThenValidateThenRefuseToOverwrite() throws Exception {
    Path run = run(tmp.resolve("results"), "a");
    Path entries = tmp.resolve("entries");
    Files.createDirectories(entries);
    Run submit = dawn("submit", run.toString(), "--entries", entries.toString());
    assertThat(submit.exit()).as(submit.err()).isZero();
    assertThat(entries.resolve("ImageNet/train/dawn_resnet50_fixture.json")).isRegularFile();
    assertThat(entries.resolve("ImageNet/train/dawn_resnet50_fixture.tsv")).isRegularFile();

    Run again = dawn("submit", run.toString(), "--entries", entries.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already exists").contains("refusing to overwrite");

    Run ok = dawn("validate", entries.toString(), run.toString());
    assertThat(ok.exit()).as(ok.out()).isZero();
    assertThat(ok.out()).contains("2 files, 0 problems");

    Path bad = entries.resolve("ImageNet/inference/bad.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "{\"version\": \"v1.0\", \"author\": \"a\"}");
    Run broken = dawn("validate", entries.toString());
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out())
        .contains(bad + ": authorEmail: required field is missing")
        .contains(bad + ": latency: required field for inference is missing")
        .contains("2 files, 7 problems");
  }

  @Test
  void submitRefusesASyntheticRunWithOneLine() throws Exception {
    Path syn = syntheticRun(tmp.resolve("results"), "syn");
    Path entries = Files.createDirectories(tmp.resolve("entries"));
    Run submit = dawn("submit", syn.toString(), "--entries", entries.toString());
    assertThat(submit.exit()).isEqualTo(2);
    assertThat(submit.err().strip())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .contains(syn + ": not a DAWNBench entry: it ran on the embedded synthetic data set");
    assertThat(entries.resolve("ImageNet")).doesNotExist();
    Run validate = dawn("validate", syn.toString());
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.out()).contains(syn + ": dawnbench_task: not a DAWNBench entry");
  }

  @Test
  void leaderboardNeverRanksASyntheticRunAndListsItApart() throws Exception {
    Path entries = entriesWithOurRun();
    Path a = tmp.resolve("results/runs/a");
    Path syn = syntheticRun(tmp.resolve("results"), "syn");
    Path md = tmp.resolve("leaderboard.md");
    Run r =
        dawn(
            "leaderboard",
            "--entries",
            entries.toString(),
            "--with",
            a.toString(),
            syn.toString(),
            "--out",
            md.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 of 2 runs ranked, 1 file not DAWNBench-comparable");
    String text = Files.readString(md);
    String time =
        text.substring(
            text.indexOf("## ImageNet \u2014 Training Time"),
            text.indexOf("## ImageNet \u2014 Training Cost"));
    // Two rows: the filed copy of run a and run a itself; the synthetic run (also 3:00:00) is not a
    // third.
    assertThat(time)
        .contains("| 1 | 3:00:00 |")
        .contains("| **2 (ours)** | **3:00:00** |")
        .doesNotContain("| 3 |")
        .doesNotContain("**3 (ours)**");
    String apart = text.substring(text.indexOf("## Not DAWNBench-comparable"));
    assertThat(apart)
        .contains(syn + "/dawn\\_resnet50\\_fixture.json")
        .contains("| 3:00:00 |")
        .contains("embedded synthetic data set");
    Run html =
        dawn(
            "leaderboard",
            "--entries",
            entries.toString(),
            "--with",
            syn.toString(),
            "--format",
            "html");
    assertThat(html.out())
        .contains("Not DAWNBench-comparable")
        .doesNotContain("<tr class=\"ours\">");
  }

  @Test
  void validateAndLeaderboardRefuseCostsThatCannotBeRanked() throws Exception {
    Path entries = entriesWithOurRun();
    Path dir = entries.resolve("ImageNet/train");
    String json = Files.readString(dir.resolve("dawn_resnet50_fixture.json"));
    for (String[] c : new String[][] {{"huge", "1e400"}, {"negative", "-5"}}) {
      Files.writeString(
          dir.resolve(c[0] + ".json"),
          json.replace("\"costPerHour\": 3.06,", "\"costPerHour\": " + c[1] + ","));
      Files.copy(dir.resolve("dawn_resnet50_fixture.tsv"), dir.resolve(c[0] + ".tsv"));
    }
    Run validate = dawn("validate", entries.toString());
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.out())
        .contains(dir.resolve("huge.json") + ": costPerHour: must be a finite number")
        .contains(dir.resolve("negative.json") + ": costPerHour: must not be negative")
        .contains("3 files, 2 problems");
    Run board = dawn("leaderboard", "--entries", entries.toString());
    assertThat(board.exit()).as(board.err()).isZero();
    assertThat(board.err())
        .contains("left out: " + dir.resolve("huge.json") + ": costPerHour")
        .contains("left out: " + dir.resolve("negative.json") + ": costPerHour")
        .doesNotContain("Exception");
    String cost = board.out().substring(board.out().indexOf("## ImageNet \u2014 Training Cost"));
    assertThat(cost).contains("| 1 | $9.18 |").doesNotContain("$-").doesNotContain("| 2 |");
  }

  @Test
  void leaderboardRanksOurRunAmongTheEntries() throws Exception {
    Path corpus = corpusOrSkip();
    Path run = run(tmp.resolve("results"), "a");
    Path syn = syntheticRun(tmp.resolve("results"), "syn");
    Path md = tmp.resolve("leaderboard.md");
    Run r =
        dawn(
            "leaderboard",
            "--entries",
            corpus.toString(),
            "--with",
            run.toString(),
            syn.toString(),
            "--out",
            md.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 of 2 runs ranked");
    String text = Files.readString(md);
    assertThat(text)
        .startsWith("# DAWNBench leaderboard with our runs")
        .contains("## ImageNet \u2014 Training Time")
        .contains("(ours)** | **3:00:00** |")
        .contains("## SQuAD \u2014 Inference Cost");
    // The synthetic run (the same 3:00:00) is ranked nowhere: only the real run's two rows are
    // marked ours.
    assertThat(text.split("\\(ours\\)", -1)).hasSize(3);
    assertThat(text.substring(text.indexOf("## Not DAWNBench-comparable")))
        .contains(syn.toString());
    Run html =
        dawn(
            "leaderboard",
            "--entries",
            corpus.toString(),
            "--with",
            run.toString(),
            "--format",
            "html");
    assertThat(html.out()).contains("<tr class=\"ours\">").doesNotContain("<script>alert");
    assertThat(dawn("leaderboard", "--entries", corpus.toString(), "--format", "pdf").exit())
        .isEqualTo(2);
  }
}
