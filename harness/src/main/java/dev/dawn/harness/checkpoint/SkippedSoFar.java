package dev.dawn.harness.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dawn.workloads.data.SkippedImage;
import java.util.List;

/**
 * One split's images found undecodable so far, in the order they were found, and how many of them
 * the event log has named ({@code image_skipped}): a resumed run leaves them out as the stopped one
 * did, and names only the others.
 *
 * @param atEpochStart the training images known when the checkpoint's epoch began: that epoch's
 *     order left exactly these out, so a run resumed within it rebuilds the same order
 */
public record SkippedSoFar(
    @JsonProperty(value = "images", required = true) List<SkippedImage> images,
    @JsonProperty(value = "named", required = true) int named,
    @JsonProperty(value = "at_epoch_start", required = true) List<SkippedImage> atEpochStart) {
  public static final SkippedSoFar NONE = new SkippedSoFar(List.of(), 0, List.of());

  public SkippedSoFar {
    images = List.copyOf(images);
    atEpochStart = List.copyOf(atEpochStart);
  }
}
