package dev.dawn.harness.cli;

import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import dev.dawn.reporters.run.SubmissionFiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Add a run's DAWNBench files to an entries checkout. "
          + "A training run writes <Dataset>/train/<basename>.json and .tsv; a dawn infer run writes "
          + "<Dataset>/inference/<basename>_<variant>.json for --variant (default: every variant at or above the "
          + "accuracy gate). Refuses to overwrite an existing file, refuses a submission the DAWNBench CI would "
          + "reject, and refuses a run that is not a DAWNBench entry: synthetic data, fewer classes, a smaller "
          + "validation set, a dawn infer --limit run, or training started from trained weights (exit 2 with the reason)."
    })
final class SubmitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(
      names = "--entries",
      required = true,
      paramLabel = "DIR",
      description = "dawn-bench-entries checkout to write into.")
  Path entries;

  @Option(
      names = "--variant",
      paramLabel = "LABEL",
      description =
          "For a dawn infer run: the variant to file, e.g. int8-prune0 (default: all that pass the gate).")
  String variant;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(run.resolve(RunFolder.EVENTS))) {
      throw new BadInputException(run + ": not a run folder (no events.jsonl inside)");
    }
    if (!Files.isDirectory(entries)) {
      throw new BadInputException("entries folder " + entries + " does not exist");
    }
    try {
      List<Path> written;
      if (RunFolders.isInference(run)) {
        var all = RunSubmission.inference(run);
        var chosen =
            variant != null
                ? all.stream()
                    .filter(
                        s -> s.file().getFileName().toString().endsWith("_" + variant + ".json"))
                    .toList()
                : all.stream()
                    .filter(
                        s -> dev.dawn.reporters.dawnbench.SubmissionValidator.validate(s).isEmpty())
                    .toList();
        if (chosen.isEmpty()) {
          throw new BadInputException(
              run
                  + ": no variant "
                  + (variant != null ? "named " + variant : "reaches the accuracy gate")
                  + "; variants: "
                  + all.stream().map(s -> s.file().getFileName().toString()).toList());
        }
        written = SubmissionFiler.fileInference(chosen, entries);
      } else {
        written = SubmissionFiler.file(run, entries);
      }
      for (Path p : written) System.out.println("wrote " + p);
    } catch (SubmissionFiler.RefusedException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    return 0;
  }
}
