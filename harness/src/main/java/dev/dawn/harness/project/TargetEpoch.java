package dev.dawn.harness.project;

import dev.dawn.reporters.dawnbench.TrainingLog;
import dev.dawn.reporters.dawnbench.TrainingTsvReader;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Where a DAWNBench training TSV first reaches its target (or, for an entry known only from a
 * config's {@code reference:} block, where the config says it did).
 *
 * @param source the TSV, or the config
 * @param epochs epochs trained up to and including that row: the rows with {@code hours > 0} so far
 *     (some logs number epochs from 0, some from 1, and some start with an evaluation before
 *     training at 0 hours)
 * @param hours the row's {@code hours}, the published time to accuracy
 */
public record TargetEpoch(Path source, int epochs, double hours) {

  public static TargetEpoch read(Path tsv, String metric, double target) {
    TrainingLog log = TrainingTsvReader.read(tsv);
    OptionalInt row = log.firstRowReaching(metric, target);
    if (row.isEmpty()) {
      throw new IllegalArgumentException(tsv + ": " + metric + " never reaches " + target);
    }
    int epochs = 0;
    for (int i = 0; i <= row.getAsInt(); i++) {
      if (log.value(i, "hours") > 0) epochs++;
    }
    return new TargetEpoch(tsv, epochs, log.value(row.getAsInt(), "hours"));
  }
}
