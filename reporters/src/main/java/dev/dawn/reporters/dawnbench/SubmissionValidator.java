package dev.dawn.reporters.dawnbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of the entries repo's CI ({@code tests/test_submissions.py} of
 * stanford-futuredata/dawn-bench-entries): required fields, {@code version == "v1.0"}, a {@code
 * %Y-%m-%d} timestamp, inference {@code latency} and accuracy gate, and for training the sibling
 * TSV's exact column set, at least one row and max metric at or above the threshold (SQuAD F1 also
 * within [0, 1]). Two rules go beyond the CI because a leaderboard needs them: the figures it ranks
 * by must be rankable ({@link RankableNumbers}), and a file written for a run that is not a
 * DAWNBench entry ({@link DawnbenchTask#NOT_AN_ENTRY_MARK} in {@code misc}) is refused.
 */
public final class SubmissionValidator {
  public static final List<String> REQUIRED =
      List.of("version", "author", "authorEmail", "framework", "model", "hardware", "timestamp");
  public static final Set<String> VERSIONS = Set.of("v1.0");

  private SubmissionValidator() {}

  /** The JSON files of a corpus root that the CI looks at, sorted. */
  public static List<Path> corpusJsonFiles(Path root) {
    List<Path> files = new ArrayList<>();
    for (Dataset d : Dataset.values()) {
      for (Task t : Task.values()) {
        Path dir = root.resolve(d.folderName()).resolve(t.folderName());
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + dir, e);
        }
      }
    }
    return files;
  }

  /** Validates a file laid out as {@code <Dataset>/<train|inference>/<name>.json}. */
  public static List<Problem> validate(Path json) {
    Submission s;
    try {
      s = SubmissionReader.read(json);
    } catch (IllegalArgumentException e) {
      return List.of(new Problem(json, "file", e.getMessage()));
    }
    return validate(s);
  }

  /** Validates a file whose dataset and task are known (e.g. our own run directory). */
  public static List<Problem> validate(Path json, Dataset dataset, Task task) {
    Submission s;
    try {
      s = SubmissionReader.read(json, dataset, task);
    } catch (IllegalArgumentException e) {
      return List.of(new Problem(json, "file", e.getMessage()));
    }
    return validate(s);
  }

  public static List<Problem> validate(Submission s) {
    List<Problem> problems = new ArrayList<>();
    Path file = s.file();
    for (String field : REQUIRED) {
      if (!s.has(field)) {
        problems.add(new Problem(file, field, "required field is missing"));
      }
    }
    if (s.has("version") && !s.text("version").map(VERSIONS::contains).orElse(false)) {
      problems.add(
          new Problem(
              file,
              "version",
              "must be one of " + VERSIONS + ", found " + s.root().get("version")));
    }
    if (s.has("timestamp") && s.timestamp().isEmpty()) {
      problems.add(
          new Problem(
              file, "timestamp", "must parse as %Y-%m-%d, found " + s.root().get("timestamp")));
    }
    DawnbenchTask.problemIn(s).ifPresent(problems::add);
    problems.addAll(RankableNumbers.problems(s));
    if (s.task() == Task.INFERENCE) {
      validateInference(s, problems);
    } else {
      validateTrainingLog(s, problems);
    }
    return problems;
  }

  private static void validateInference(Submission s, List<Problem> problems) {
    if (!s.has("latency")) {
      problems.add(new Problem(s.file(), "latency", "required field for inference is missing"));
    }
    String metric = s.dataset().metric();
    OptionalDouble accuracy = s.accuracy();
    if (accuracy.isEmpty()) {
      problems.add(
          new Problem(s.file(), metric, "a number is required for " + s.dataset() + " inference"));
    } else if (!(accuracy.getAsDouble() >= s.dataset().threshold())) {
      problems.add(
          new Problem(
              s.file(),
              metric,
              "must be >= " + s.dataset().threshold() + ", found " + accuracy.getAsDouble()));
    }
  }

  private static void validateTrainingLog(Submission s, List<Problem> problems) {
    Path tsv = s.trainingTsv();
    if (!Files.isRegularFile(tsv)) {
      problems.add(
          new Problem(tsv, "file", "training JSON needs a sibling TSV with the same basename"));
      return;
    }
    TrainingLog log;
    try {
      log = TrainingTsvReader.read(tsv);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(tsv, "file", e.getMessage()));
      return;
    }
    List<String> required = s.dataset().tsvColumns();
    if (!(log.columns().size() == required.size()
        && Set.copyOf(log.columns()).equals(Set.copyOf(required)))) {
      problems.add(
          new Problem(
              tsv,
              "columns",
              "must be exactly " + required + " in any order, found " + log.columns()));
      return;
    }
    if (log.rows().isEmpty()) {
      problems.add(new Problem(tsv, "rows", "at least one row is required"));
      return;
    }
    String metric = s.dataset().metric();
    OptionalDouble max = log.max(metric);
    if (max.isEmpty() || !(max.getAsDouble() >= s.dataset().threshold())) {
      problems.add(
          new Problem(
              tsv,
              metric,
              "maximum must be >= "
                  + s.dataset().threshold()
                  + ", found "
                  + (max.isEmpty() ? "no number" : max.getAsDouble())));
    } else {
      RankableNumbers.hoursToThreshold(
              tsv, log.hoursToReach(metric, s.dataset().threshold()).getAsDouble())
          .ifPresent(problems::add);
    }
    if (s.dataset() == Dataset.SQUAD) {
      for (int i = 0; i < log.rows().size(); i++) {
        double f1 = log.value(i, metric);
        if (!(f1 >= 0 && f1 <= 1)) {
          problems.add(
              new Problem(tsv, metric, "row " + (i + 1) + " must be within [0, 1], found " + f1));
        }
      }
    }
  }
}
