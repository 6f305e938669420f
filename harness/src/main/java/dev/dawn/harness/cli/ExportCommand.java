package dev.dawn.harness.cli;

import dev.dawn.harness.tensorboard.TensorBoardFile;
import dev.dawn.reporters.events.EventLogFormatException;
import dev.dawn.reporters.run.RunExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a run's DAWNBench TSV and JSON, metrics.csv, accuracy.png and TensorBoard event file "
          + "from its events.jsonl. "
          + "Use it after a run was killed (kill -9): every finished epoch is in the event log."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN",
      arity = "1..*",
      description = "Run folder(s), e.g. results/runs/20261126-041500-cpu-synthetic-resnet9.")
  Path[] runs;

  @Override
  public Integer call() {
    for (Path run : runs) {
      if (!Files.isRegularFile(run.resolve(RunExporter.EVENTS_FILE))) {
        throw new BadInputException(
            run + ": not a run folder (no " + RunExporter.EVENTS_FILE + " inside)");
      }
      List<Path> written;
      try {
        written = RunExporter.export(run);
      } catch (IllegalArgumentException | EventLogFormatException e) {
        throw new BadInputException(e.getMessage(), e);
      }
      for (Path file : written) System.out.println("wrote " + file);
      System.out.println("wrote " + TensorBoardFile.write(run));
    }
    return 0;
  }
}
