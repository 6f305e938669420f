package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code image_skipped} (POINT_IN_TIME): an image left out of a run because it could not be decoded
 * whole (not an image, truncated, corrupt, too many pixels), named once, when first found. The
 * value is its path.
 *
 * @param image the image's path (or file and record number)
 * @param reason why it could not be decoded
 * @param split {@code train} or {@code validation}
 * @param epoch the epoch in which it was found
 */
public record ImageSkipped(
    @JsonProperty(value = "image", required = true) String image,
    @JsonProperty(value = "reason", required = true) String reason,
    @JsonProperty(value = "split", required = true) String split,
    @JsonProperty(value = "epoch_num", required = true) int epoch)
    implements RunEvent {
  public static final EventKind<ImageSkipped> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.IMAGE_SKIPPED, ImageSkipped.class, "image", "the skipped image's path", false);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
