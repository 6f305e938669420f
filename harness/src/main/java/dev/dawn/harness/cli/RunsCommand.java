package dev.dawn.harness.cli;

import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunsIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Index of all training runs as CSV, one row per run folder (a dawn infer folder has its own "
          + "inference-summary.csv; dawn report shows both kinds); a folder whose events.jsonl is empty or corrupt is "
          + "skipped with a warning naming it. "
          + "Columns: run_id, config_name, model, batch_size, optimizer, "
          + "learning_rate, resolution, status, epochs, time_to_target, hours_to_target, cost_usd, run_dir "
          + "(docs/reports.md gives the meaning of each column)."
    })
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "Results folder holding runs/. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the CSV here instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    List<Path> folders =
        RunsIndex.runFolders(results.resolve("runs")).stream()
            .filter(dir -> !RunFolders.isInference(dir))
            .toList();
    var err = spec.commandLine().getErr();
    List<RunDirectory> readable = RunFolders.readUsable(folders, RunFolders::read, err::println);
    OutputFile.write(out, CsvTableWriter.write(RunsIndex.table(readable)));
    if (out != null) System.out.println("wrote " + out + " (" + readable.size() + " runs)");
    return 0;
  }
}
