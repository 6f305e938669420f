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
      "Write one self-contained HTML page comparing runs. "
          + "Summary (status, time to target, epochs, cost), accuracy curves, loss and learning rate, "
          + "the batch-1 latency of every dawn infer variant, "
          + "config and environment differences, links to the files, and a section per sweep (summary per cell and charts; "
          + "for results/sweeps/* or when --results is a sweep folder). "
          + "A run folder whose events.jsonl is empty or corrupt is skipped with a warning naming it. "
          + "Runs measured on different machines are flagged as not comparable. No network or JavaScript needed to view it."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn report results/runs/20261126-041500-a results/runs/20261126-051500-b --out results/ab.html"
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
      names = "--out",
      paramLabel = "FILE.html",
      description = "Output file. Default: <results>/report.html.")
  Path out;

  @Override
  public Integer call() {
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
    OutputFile.write(file, ComparisonReport.render(dirs, inference, sweeps, file));
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
