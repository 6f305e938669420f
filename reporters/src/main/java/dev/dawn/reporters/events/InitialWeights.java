package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code init_weights} (POINT_IN_TIME): the weights folder a run started from (value), and its
 * tensor count.
 */
public record InitialWeights(
    @JsonProperty(value = "folder", required = true) String folder,
    @JsonProperty("tensors") Integer tensors)
    implements RunEvent {
  public static final EventKind<InitialWeights> KIND =
      EventKind.fieldAsValue(
          MlLogKeys.INIT_WEIGHTS, InitialWeights.class, "folder", "the weights folder", false);

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
