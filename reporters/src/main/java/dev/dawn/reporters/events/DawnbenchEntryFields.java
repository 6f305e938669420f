package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code dawnbench_entry} (POINT_IN_TIME): the DAWNBench submission fields of the run, as the value
 * object. The fields are checked when read into {@code
 * dev.dawn.reporters.dawnbench.DawnbenchEntry}.
 */
public record DawnbenchEntryFields(@JsonValue Map<String, Object> fields) implements RunEvent {
  public static final EventKind<DawnbenchEntryFields> KIND =
      EventKind.asValue(MlLogKeys.DAWNBENCH_ENTRY, DawnbenchEntryFields.class);

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public DawnbenchEntryFields {
    Objects.requireNonNull(fields, "fields");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public Event toEvent(long timeMs) {
    return KIND.encode(this, timeMs);
  }
}
