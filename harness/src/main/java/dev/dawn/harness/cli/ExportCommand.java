package dev.dawn.harness.cli;

import dev.dawn.harness.tensorboard.TensorBoardFile;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogFormatException;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.mlperf.ComplianceCheck;
import dev.dawn.reporters.mlperf.ComplianceReport;
import dev.dawn.reporters.mlperf.ResultFile;
import dev.dawn.reporters.mlperf.TrainingRules;
import dev.dawn.reporters.record.RunRecord;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a run's DAWNBench TSV and JSON, metrics.csv, accuracy.png and TensorBoard event file "
          + "from its events.jsonl. "
          + "Use it after a run was killed (kill -9): every finished epoch is in the event log.",
      "With --mlperf DIR, write the runs as MLPerf Training result files instead (the run folders "
          + "are left as they are)."
    })
final class ExportCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN",
      arity = "1..*",
      description = "Run folder(s), e.g. results/runs/20261126-041500-cpu-synthetic-resnet9.")
  Path[] runs;

  @Option(
      names = "--mlperf",
      paramLabel = "DIR",
      description =
          "Write each RUN's event log as DIR/result_<i>.txt (i = 0, 1, ... in the order the runs are "
              + "given): one ':::MLLOG' line per event, the file MLPerf's compliance checker, RCP "
              + "checker and result summarizer read (ruleset "
              + TrainingRules.RULESET
              + ", the last with ResNet-50). Also prints what dawn's own reading of those rules "
              + "finds; MLPerf's checker has the last word (docs/reports.md: 'MLPerf logs'). DIR is created "
              + "if missing; refused if it holds result files numbered beyond these runs.")
  Path mlperf;

  @Override
  public Integer call() throws IOException {
    for (Path run : runs) {
      if (!Files.isRegularFile(run.resolve(RunFolder.EVENTS))) {
        throw new BadInputException(
            run + ": not a run folder (no " + RunFolder.EVENTS + " inside)");
      }
    }
    if (mlperf != null) return exportMlPerf();
    for (Path run : runs) {
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

  private int exportMlPerf() throws IOException {
    if (Files.exists(mlperf) && !Files.isDirectory(mlperf)) {
      throw new BadInputException("--mlperf " + mlperf + ": is a file, not a folder");
    }
    List<Path> stale = ResultFile.beyond(mlperf, runs.length);
    if (!stale.isEmpty()) {
      throw new BadInputException(
          "--mlperf "
              + mlperf
              + ": holds "
              + stale.stream().map(p -> p.getFileName().toString()).toList()
              + " beside the "
              + runs.length
              + " result file(s) this export writes; MLPerf's package checker would count them as"
              + " runs: remove them or export into another folder");
    }
    for (int i = 0; i < runs.length; i++) {
      Path log = runs[i].resolve(RunFolder.EVENTS);
      List<Event> events;
      RunRecord record;
      try {
        events = EventLogReader.read(log);
        record = RunRecord.fromEvents(events);
      } catch (EventLogFormatException e) {
        throw new BadInputException(e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(log + ": " + e.getMessage(), e);
      }
      Path file = ResultFile.write(events, mlperf, i);
      System.out.println("wrote " + file + " (run " + record.runId() + ")");
      printReading(ComplianceCheck.run(events));
    }
    return 0;
  }

  private static void printReading(ComplianceReport report) {
    String files =
        String.join(
            ", ", report.files().stream().map(f -> f.substring(f.indexOf('/') + 1)).toList());
    System.out.println(
        "  MLPerf Training "
            + TrainingRules.RULESET
            + " rules as dawn reads them ("
            + files
            + "): "
            + (report.passed()
                ? "no problem found"
                : report.problems().size() + " problem(s); MLPerf's checker would print FAILED"));
    report.problems().forEach(p -> System.out.println("    " + p));
    report.warnings().forEach(w -> System.out.println("    warning: " + w));
  }
}
