package dev.dawn.reporters.run;

import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Files a run's training submission into an entries checkout as {@code
 * <Dataset>/train/<basename>.json} and {@code .tsv}, the layout the DAWNBench CI reads. Never
 * overwrites, and refuses a submission the CI would reject.
 */
public final class SubmissionFiler {
  private SubmissionFiler() {}

  /** A filing that cannot go ahead: a target file exists, or the submission breaks a CI rule. */
  public static final class RefusedException extends RuntimeException {
    public RefusedException(String message) {
      super(message);
    }
  }

  /** Copies the files and returns the written paths (JSON, TSV). */
  public static List<Path> file(Path runDir, Path entriesRoot) {
    Submission s = RunSubmission.training(runDir);
    List<Problem> problems = SubmissionValidator.validate(s);
    if (!problems.isEmpty()) {
      throw new RefusedException(
          runDir
              + ": the DAWNBench CI would reject this submission:\n  "
              + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
    }
    Path dir = entriesRoot.resolve(s.dataset().folderName()).resolve(s.task().folderName());
    return copy(
        dir,
        List.of(
            new Path[] {s.file(), dir.resolve(s.file().getFileName())},
            new Path[] {s.trainingTsv(), dir.resolve(s.trainingTsv().getFileName())}));
  }

  /**
   * Files inference submissions (one JSON per variant of a dawn infer run) as {@code
   * <Dataset>/inference/<name>.json}. All are checked first: one the CI would reject, or one whose
   * file exists, stops the whole filing.
   */
  public static List<Path> fileInference(List<Submission> submissions, Path entriesRoot) {
    List<Path[]> copies = new ArrayList<>();
    Path dir = null;
    for (Submission s : submissions) {
      List<Problem> problems = SubmissionValidator.validate(s);
      if (!problems.isEmpty()) {
        throw new RefusedException(
            s.file()
                + ": the DAWNBench CI would reject this submission:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
      }
      dir = entriesRoot.resolve(s.dataset().folderName()).resolve(s.task().folderName());
      copies.add(new Path[] {s.file(), dir.resolve(s.file().getFileName())});
    }
    if (copies.isEmpty()) throw new RefusedException("no inference submission to file");
    return copy(dir, copies);
  }

  private static List<Path> copy(Path dir, List<Path[]> copies) {
    for (Path[] c : copies) {
      if (Files.exists(c[1])) {
        throw new RefusedException(
            c[1]
                + " already exists; refusing to overwrite it (remove it or change"
                + " submission.hardwareTag/model so the run gets another file name)");
      }
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Path[] c : copies) {
        Files.copy(c[0], c[1]); // no REPLACE_EXISTING: a file appearing meanwhile still fails
        written.add(c[1]);
      }
    } catch (FileAlreadyExistsException e) {
      throw new RefusedException(e.getFile() + " already exists; refusing to overwrite it");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the submission into " + dir, e);
    }
    return written;
  }
}
