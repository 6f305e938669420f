package dev.dawn.harness.cli;

import dev.dawn.reporters.compare.ComparedRun;
import dev.dawn.reporters.compare.ComparisonText;
import dev.dawn.reporters.compare.RunComparison;
import dev.dawn.reporters.compare.RunSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two sets of training runs: per metric (time to target, epochs to target, images/s, best accuracy) the "
          + "medians, B's factor over A with a 95%% bootstrap interval, a Mann-Whitney p-value and a plain verdict. "
          + "Refuses (exit 2) runs whose DAWNBench task, target or data differ.",
      "Each side is a run folder, run folders separated by commas, a sweep folder (all its runs) or a sweep cell "
          + "SWEEP_DIR@key=value,key=value (the runs.csv rows with those values)."
    },
    footer = {
      "",
      "Example: dawn compare 'results/sweeps/20261130-0600-opt@optimizer.name=momentum,train.batchSize=1024' "
          + "'results/sweeps/20261130-0600-opt@optimizer.name=lars,train.batchSize=1024'"
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The baseline runs.")
  String a;

  @Parameters(index = "1", paramLabel = "B", description = "The runs compared with A.")
  String b;

  @Override
  public Integer call() {
    try {
      List<ComparedRun> runsA = read(a);
      List<ComparedRun> runsB = read(b);
      System.out.print(ComparisonText.render(RunComparison.of(a, runsA, b, runsB)));
    } catch (
        IllegalArgumentException
            e) { // bad folders, runs.csv, cells, and runs that are not comparable
      throw new BadInputException(e.getMessage());
    }
    return 0;
  }

  private static List<ComparedRun> read(String side) {
    List<ComparedRun> runs = new ArrayList<>();
    for (Path dir : RunSelection.folders(side)) runs.add(ComparedRun.read(dir));
    return runs;
  }
}
