package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code weights_saved} (POINT_IN_TIME): the run's final weights, in {@code folder} inside the run
 * folder.
 */
public record WeightsSaved(
    @JsonProperty(value = "folder", required = true) String folder,
    @JsonProperty(value = "epoch_num", required = true) int epoch)
    implements RunEvent {
  public static final EventKind<WeightsSaved> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.WEIGHTS_SAVED, WeightsSaved.class, "folder", "the weights folder", false);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
