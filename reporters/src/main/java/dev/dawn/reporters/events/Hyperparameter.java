package dev.dawn.reporters.events;

import java.util.Map;
import java.util.Objects;

/**
 * A POINT_IN_TIME hyperparameter or run fact whose value is a scalar, e.g. {@code
 * global_batch_size}, {@code opt_name}, {@code model_parameters}: the keys are the {@link
 * MlLogKeys} constants. A value that changes during the run (resolution and batch size of a
 * progressive-resizing phase) carries the epoch it applies from.
 *
 * @param epoch null for run-wide values
 */
public record Hyperparameter(String key, Object value, Integer epoch) implements RunEvent {
  public Hyperparameter {
    Objects.requireNonNull(key, "key");
    if (value != null
        && !(value instanceof Number || value instanceof String || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "hyperparameter '"
              + key
              + "' must be a number, string or boolean, got "
              + value.getClass().getSimpleName());
    }
  }

  public Hyperparameter(String key, Object value) {
    this(key, value, null);
  }

  @Override
  public Event toEvent(long timeMs) {
    return new Event(
        timeMs,
        EventType.POINT_IN_TIME,
        key,
        value,
        epoch == null ? Map.of() : Map.of(MlLogKeys.META_EPOCH_NUM, epoch));
  }
}
