package dev.dawn.harness.train;

import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.ImageSkipped;
import dev.dawn.workloads.data.InputPipeline;
import dev.dawn.workloads.data.SkippedImage;
import java.util.List;

/**
 * Names every image one split's pipeline left out as undecodable in the run's event log, once each
 * ({@code image_skipped}: path, reason, split, epoch), so that a skipped image can be found and
 * fixed rather than only counted.
 */
final class SkippedImageLog {
  /** The split names the events use. */
  static final String TRAIN = "train";

  static final String VALIDATION = "validation";

  private final InputPipeline data;
  private final String split;
  private int named;

  SkippedImageLog(InputPipeline data, String split) {
    this(data, split, 0);
  }

  /**
   * @param named how many of the pipeline's skipped images the log names already (a resumed run's,
   *     found by the process it continues)
   */
  SkippedImageLog(InputPipeline data, String split, int named) {
    this.data = data;
    this.split = split;
    this.named = named;
  }

  /** Writes the images skipped since the last call, as found during {@code epoch}. */
  void writeNew(EventLog events, int epoch) {
    List<SkippedImage> all = data.skipped();
    for (int i = named; i < all.size(); i++) {
      SkippedImage s = all.get(i);
      events.write(new ImageSkipped(s.id(), s.reason(), split, epoch));
    }
    named = all.size();
  }

  /** The images skipped so far that the log names. */
  List<SkippedImage> named() {
    return List.copyOf(data.skipped().subList(0, named));
  }

  /** Every image skipped so far, named or not yet, in the order found. */
  List<SkippedImage> all() {
    return data.skipped();
  }
}
