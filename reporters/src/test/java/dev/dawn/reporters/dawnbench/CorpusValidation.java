package dev.dawn.reporters.dawnbench;

import java.nio.file.Path;
import java.util.List;

/** The validator run over a whole entries corpus, as the entries repository's CI runs it. */
public final class CorpusValidation {
  private CorpusValidation() {}

  /** Every problem of every {@code <Dataset>/<train|inference>/*.json} under a corpus root. */
  public static List<Problem> problems(Path root) {
    return SubmissionValidator.corpusJsonFiles(root).stream()
        .flatMap(json -> SubmissionValidator.validate(json).stream())
        .toList();
  }
}
