package dev.dawn.harness.cli;

import dev.dawn.reporters.csv.CsvTableWriter;
import dev.dawn.reporters.run.RunsIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true,
    description = {"Index of all training runs as CSV, one row per run folder (a dawn infer folder has its own " +
        "inference-summary.csv; dawn report shows both kinds). " +
        "Columns: run_id, config_name, model, batch_size, optimizer, " +
        "learning_rate, resolution, status, epochs, time_to_target, hours_to_target, cost_usd, run_dir " +
        "(see the README for the meaning of each column)."})
final class RunsCommand implements Callable<Integer> {
  @Option(names = "--results", paramLabel = "DIR", defaultValue = "results",
      description = "Results folder holding runs/. Default: ${DEFAULT-VALUE}.")
  Path results;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
  Path out;

  @Override
  public Integer call() {
    List<Path> folders = RunsIndex.runFolders(results.resolve("runs")).stream()
        .filter(dir -> !RunFolders.isInference(dir)).toList();
    OutputFile.write(out, CsvTableWriter.write(RunsIndex.table(RunFolders.read(folders))));
    if (out != null) System.out.println("wrote " + out + " (" + folders.size() + " runs)");
    return 0;
  }
}
