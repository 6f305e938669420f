package dev.dawn.harness.cli;

import dev.dawn.reporters.html.ComparisonReport;
import dev.dawn.reporters.run.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML page comparing runs.",
        "Summary (status, time to target, epochs, cost, latency), accuracy curves, loss and learning rate,",
        "config and environment differences, links to the files.",
        "Runs measured on different machines are flagged as not comparable. No network or JavaScript needed to view it."},
    footer = {"", "Example:", "  bin/dawn report results/runs/20261126-041500-a results/runs/20261126-051500-b --out results/ab.html"})
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run folders to compare (default: every run under <results>/runs).")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Results folder used when no RUN is given. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(names = "--out", paramLabel = "FILE.html", description = "Output file. Default: <results>/report.html.")
  Path out;

  @Override
  public Integer call() {
    List<RunDirectory> dirs = RunFolders.read(RunFolders.listOrAll(runs, results));
    Path file = out != null ? out : results.resolve("report.html");
    OutputFile.write(file, ComparisonReport.render(dirs, file));
    System.out.println("wrote " + file + " (" + dirs.size() + (dirs.size() == 1 ? " run)" : " runs)"));
    return 0;
  }
}
