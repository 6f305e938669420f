package dev.dawn.harness.cli;

import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.dawnbench.Task;
import dev.dawn.reporters.run.RunFolder;
import dev.dawn.reporters.run.RunSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check DAWNBench submissions with the entries CI's rules. "
          + "Lists every problem as 'file: field: rule', then 'N files, M problems'. Exit 0 when there is none, 1 otherwise. "
          + "Accepts submission JSON files (laid out as <Dataset>/<train|inference>/<name>.json), run folders, and "
          + "folders searched for such JSON files (e.g. a whole entries checkout).",
      "Beyond the CI's rules it refuses what a leaderboard cannot rank (costPerHour, latency, cost or hours that "
          + "are not finite or are negative) and files of a run that is not a DAWNBench entry (e.g. synthetic data)."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files or folders to check.")
  List<Path> targets;

  @Override
  public Integer call() {
    int files = 0;
    List<Problem> problems = new ArrayList<>();
    for (Path target : targets) {
      if (!Files.exists(target)) {
        problems.add(new Problem(target, "file", "does not exist"));
      } else if (Files.isRegularFile(target.resolve(RunFolder.EVENTS))) {
        files++;
        try {
          List<dev.dawn.reporters.dawnbench.Submission> submissions =
              RunFolders.isInference(target)
                  ? RunSubmission.inference(target)
                  : List.of(RunSubmission.training(target));
          for (var s : submissions) problems.addAll(SubmissionValidator.validate(s));
        } catch (RunSubmission.NotAnEntryException e) {
          problems.add(new Problem(target, DawnbenchTask.EVENT, e.task().describe()));
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(target, "file", e.getMessage()));
        }
      } else if (Files.isDirectory(target)) {
        List<Path> found = submissionsUnder(target);
        if (found.isEmpty()) {
          problems.add(
              new Problem(
                  target,
                  "file",
                  "no submission JSON found (expected <Dataset>/<train|inference>/<name>.json)"));
        }
        for (Path json : found) {
          files++;
          problems.addAll(SubmissionValidator.validate(json));
        }
      } else {
        files++;
        problems.addAll(SubmissionValidator.validate(target));
      }
    }
    problems.forEach(p -> System.out.println(p));
    System.out.println(
        files
            + (files == 1 ? " file, " : " files, ")
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems"));
    return problems.isEmpty() ? 0 : 1;
  }

  /**
   * JSON files whose parent is train/inference and grandparent a DAWNBench data set folder, sorted.
   */
  static List<Path> submissionsUnder(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(ValidateCommand::inSubmissionLayout)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search " + dir, e);
    }
  }

  private static boolean inSubmissionLayout(Path json) {
    Path task = json.toAbsolutePath().normalize().getParent();
    Path dataset = task == null ? null : task.getParent();
    if (dataset == null || dataset.getFileName() == null) return false;
    String t = task.getFileName().toString();
    String d = dataset.getFileName().toString();
    return Arrays.stream(Task.values()).anyMatch(x -> x.folderName().equals(t))
        && Arrays.stream(Dataset.values()).anyMatch(x -> x.folderName().equals(d));
  }
}
