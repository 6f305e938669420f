package dev.dawn.harness.cli;

import dev.dawn.reporters.run.SubmissionFiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Add a run's DAWNBench training files to an entries checkout.",
        "Writes <Dataset>/train/<basename>.json and .tsv. Refuses to overwrite an existing file and refuses a submission",
        "the DAWNBench CI would reject (exit 2 with the reason)."})
final class SubmitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN", description = "The run folder.")
  Path run;

  @Option(names = "--entries", required = true, paramLabel = "DIR", description = "dawn-bench-entries checkout to write into.")
  Path entries;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(run.resolve("events.jsonl"))) {
      throw new BadInputException(run + ": not a run folder (no events.jsonl inside)");
    }
    if (!Files.isDirectory(entries)) {
      throw new BadInputException("entries folder " + entries + " does not exist");
    }
    try {
      for (Path p : SubmissionFiler.file(run, entries)) System.out.println("wrote " + p);
    } catch (SubmissionFiler.RefusedException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    return 0;
  }
}
