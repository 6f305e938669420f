package dev.dawn.reporters.dawnbench;

import java.util.List;

/**
 * The DAWNBench training log: header {@code epoch hours top1Accuracy [top5Accuracy]},
 * TAB-separated, LF, one row per evaluation (at epoch ends, or within epochs: DAWNBench's own TSVs
 * have fractional epochs such as {@code 36.2}), cumulative training hours, accuracies in percent,
 * floats in Python repr.
 */
public final class TrainingTsvWriter {
  private TrainingTsvWriter() {}

  /**
   * One row: an evaluation.
   *
   * @param epoch epochs trained: an Integer is written as one ({@code 7}), a Double in Python repr
   *     ({@code 6.5})
   * @param hours cumulative training hours, evaluation excluded
   * @param top1Accuracy percent
   * @param top5Accuracy percent (written for ImageNet only)
   */
  public record Row(Number epoch, double hours, double top1Accuracy, double top5Accuracy) {}

  public static String write(Dataset dataset, List<Row> epochs) {
    if (dataset == Dataset.SQUAD) {
      throw new IllegalArgumentException(
          "training TSV for SQuAD needs f1Score, which a training row does not carry");
    }
    StringBuilder out = new StringBuilder(String.join("\t", dataset.tsvColumns())).append('\n');
    for (Row e : epochs) {
      out.append(e.epoch() instanceof Double d ? PythonFloatFormat.repr(d) : e.epoch().toString())
          .append('\t')
          .append(PythonFloatFormat.repr(e.hours()))
          .append('\t')
          .append(PythonFloatFormat.repr(e.top1Accuracy()));
      if (dataset == Dataset.IMAGENET) {
        out.append('\t').append(PythonFloatFormat.repr(e.top5Accuracy()));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
