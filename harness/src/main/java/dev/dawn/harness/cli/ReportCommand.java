package dev.dawn.harness.cli;

import dev.dawn.reporters.html.ComparisonReport;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.sweep.SweepResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML page about runs, the answer first.",
      "A sweep (results/sweeps/*, or --results SWEEP_DIR) opens with the dawn compare verdict on its pairs of cells "
          + "(the pairs its spec names under compare:, else the cells that differ only in a text key, such as momentum "
          + "against lars at each batch size), then a row per cell (median and 95%% bootstrap interval of time to "
          + "target, epochs, best accuracy and images/s over the repeats) and charts whose lines are cells.",
      "Training runs: status, time and epochs to target, best accuracy (every evaluation counts, mid-epoch ones too, "
          + "as in the TSV and dawn compare), images/s, cost, accuracy curves, loss and learning rate. "
          + "dawn infer runs: batch-1 latency and accuracy of every variant with its change against fp32 of the same "
          + "model, a mark where top-1 fell more than --accuracy-budget points or the task's metric is under its "
          + "target, and the settings that differ between rows (precision path, oneDNN, threads, CPU).",
      "Then config and environment differences and links to the files. A run folder whose events.jsonl is empty or "
          + "corrupt is skipped with a warning naming it. Runs measured on different machines are flagged as not "
          + "comparable. The page fits a 1366-pixel-wide window and needs no network or JavaScript."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn report results/runs/20261126-041500-a results/runs/20261126-051500-b --out results/ab.html",
      "  bin/dawn report --results results/sweeps/20261130-095200-momentum-vs-lars --out sweep.html"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "RUN",
      arity = "0..*",
      description = "Run folders to compare (default: every run under <results>/runs).")
  List<Path> runs = new ArrayList<>();

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "Results folder used when no RUN is given (its runs/ and sweeps/; a sweep folder works too). "
              + "Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--accuracy-budget",
      paramLabel = "POINTS",
      defaultValue = "1.0",
      description =
          "Top-1 points an inference variant may lose against fp32 of the same model before it is marked. "
              + "Default: ${DEFAULT-VALUE}.")
  double accuracyBudget;

  @Option(
      names = "--out",
      paramLabel = "FILE.html",
      description = "Output file. Default: <results>/report.html.")
  Path out;

  @Override
  public Integer call() {
    if (!(accuracyBudget >= 0) || Double.isInfinite(accuracyBudget)) {
      throw new BadInputException(
          "--accuracy-budget: must be a finite number of points >= 0, got " + accuracyBudget);
    }
    List<Path> given = runs.isEmpty() ? RunFolders.listAll(results) : runs;
    var err = spec.commandLine().getErr();
    List<RunDirectory> dirs =
        RunFolders.readUsable(
            given.stream().filter(d -> !RunFolders.isInference(d)).toList(),
            RunFolders::read,
            err::println);
    List<InferenceRunRecord> inference =
        RunFolders.readUsable(
            given.stream().filter(RunFolders::isInference).toList(),
            InferenceRunRecord::read,
            err::println);
    if (dirs.isEmpty() && inference.isEmpty()) {
      throw new BadInputException(
          "none of the " + given.size() + " run folder(s) could be read (see the warnings)");
    }
    Path file = out != null ? out : results.resolve("report.html");
    List<Path> sweeps = runs.isEmpty() ? sweepFolders(results) : List.of();
    String html;
    try {
      html = ComparisonReport.render(dirs, inference, sweeps, file, accuracyBudget);
    } catch (IllegalArgumentException e) { // a sweep's log or its spec's compare: entries
      throw new BadInputException(e.getMessage(), e);
    }
    OutputFile.write(file, html);
    System.out.println(
        "wrote "
            + file
            + " ("
            + dirs.size()
            + " training, "
            + inference.size()
            + " inference runs"
            + (sweeps.isEmpty()
                ? ""
                : ", " + sweeps.size() + (sweeps.size() == 1 ? " sweep" : " sweeps"))
            + ")");
    return 0;
  }

  /**
   * {@code results} itself when it is a sweep folder, and every sweep folder under {@code
   * results/sweeps}.
   */
  private static List<Path> sweepFolders(Path results) {
    List<Path> sweeps = new ArrayList<>();
    if (Files.isRegularFile(results.resolve(SweepResults.EVENTS_FILE))) sweeps.add(results);
    Path under = results.resolve("sweeps");
    if (Files.isDirectory(under)) {
      try (var s = Files.list(under)) {
        s.filter(d -> Files.isRegularFile(d.resolve(SweepResults.EVENTS_FILE)))
            .sorted()
            .forEach(sweeps::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot list " + under, e);
      }
    }
    return sweeps;
  }
}
