package dev.dawn.reporters.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a record type's fields sit in an MLLOG line, and the Jackson mapping between the two.
 *
 * <p>Three placements cover every event: all fields in {@code metadata} (value null, e.g. {@code
 * epoch_stop}), the whole record as the {@code value} object (e.g. {@code inference_variant}), or
 * one field as the scalar {@code value} and the rest in {@code metadata} (e.g. {@code train_step}:
 * value = loss). Field names are the records' {@code @JsonProperty} names, so a typo is a compile
 * error in the record, not a missing column.
 *
 * @param key the MLLOG key
 * @param eventType one of {@link EventType}
 * @param type the record class
 * @param placement how the record's fields map onto value and metadata
 * @param valueField with {@link Placement#FIELD_AS_VALUE}: the field written as the value
 * @param valueMeaning with {@link Placement#FIELD_AS_VALUE}: what the value is, for error messages
 */
public record EventKind<T extends RunEvent>(
    String key,
    String eventType,
    Class<T> type,
    Placement placement,
    String valueField,
    String valueMeaning) {

  /** How a record's fields map onto an MLLOG line. */
  public enum Placement {
    /** Every field in metadata; the value is null. */
    METADATA,
    /** The record is the value object; metadata is empty. */
    WHOLE_VALUE,
    /**
     * One field is the value and also stays in metadata (eval_accuracy: value = top-5 = metadata
     * top5_accuracy).
     */
    FIELD_AS_VALUE_KEPT,
    /** One field is the value; the others are metadata. */
    FIELD_AS_VALUE
  }

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  public EventKind {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    if (!EventType.isKnown(eventType)) {
      throw new IllegalArgumentException(
          "event_type must be one of " + EventType.ALL + ", got '" + eventType + "'");
    }
    if ((placement == Placement.FIELD_AS_VALUE || placement == Placement.FIELD_AS_VALUE_KEPT)
        != (valueField != null)) {
      throw new IllegalArgumentException(
          key + ": a value field goes with FIELD_AS_VALUE placements only");
    }
  }

  static <T extends RunEvent> EventKind<T> inMetadata(String key, String eventType, Class<T> type) {
    return new EventKind<>(key, eventType, type, Placement.METADATA, null, null);
  }

  static <T extends RunEvent> EventKind<T> asValue(String key, Class<T> type) {
    return new EventKind<>(key, EventType.POINT_IN_TIME, type, Placement.WHOLE_VALUE, null, null);
  }

  static <T extends RunEvent> EventKind<T> fieldAsValue(
      String key, Class<T> type, String field, String meaning, boolean keptInMetadata) {
    return new EventKind<>(
        key,
        EventType.POINT_IN_TIME,
        type,
        keptInMetadata ? Placement.FIELD_AS_VALUE_KEPT : Placement.FIELD_AS_VALUE,
        field,
        meaning);
  }

  /** True when {@code e} is a line of this kind (same key and event type). */
  public boolean matches(Event e) {
    return key.equals(e.key()) && eventType.equals(e.eventType());
  }

  /** The records of this kind in a log, in log order. */
  public List<T> in(List<Event> events) {
    return events.stream().filter(this::matches).map(this::decode).toList();
  }

  /** The MLLOG line of {@code record}. */
  public Event encode(T record, long timeMs) {
    Map<String, Object> fields = EventJson.RECORDS.convertValue(record, MAP);
    return switch (placement) {
      case METADATA -> new Event(timeMs, eventType, key, null, fields);
      case WHOLE_VALUE -> new Event(timeMs, eventType, key, fields, Map.of());
      case FIELD_AS_VALUE_KEPT -> new Event(timeMs, eventType, key, fields.get(valueField), fields);
      case FIELD_AS_VALUE -> {
        Object value = fields.remove(valueField);
        yield new Event(timeMs, eventType, key, value, fields);
      }
    };
  }

  /** The record of a line of this kind; errors name the event, its time and the field. */
  @SuppressWarnings("unchecked")
  public T decode(Event e) {
    if (!matches(e)) {
      throw new IllegalArgumentException(
          EventFields.where(e) + " is not a " + eventType + " '" + key + "' event");
    }
    Map<String, Object> fields;
    switch (placement) {
      case WHOLE_VALUE -> {
        if (!(e.value() instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException(
              EventFields.where(e) + ": value must be an object, got " + e.value());
        }
        fields = new LinkedHashMap<>((Map<String, Object>) m);
      }
      case FIELD_AS_VALUE, FIELD_AS_VALUE_KEPT -> {
        fields = new LinkedHashMap<>(e.metadata());
        if (placement == Placement.FIELD_AS_VALUE || fields.get(valueField) == null) {
          if (e.value() == null || e.value() instanceof Map || e.value() instanceof List) {
            throw new IllegalArgumentException(
                EventFields.where(e) + ": value must be " + valueMeaning + ", got " + e.value());
          }
          fields.put(valueField, e.value());
        }
      }
      default -> fields = new LinkedHashMap<>(e.metadata());
    }
    try {
      return EventJson.RECORDS.convertValue(fields, type);
    } catch (IllegalArgumentException ex) {
      String reason = EventJson.reason(ex);
      if (valueField != null
          && !(e.value() instanceof Number)
          && reason.contains("\"" + valueField + "\"")) {
        reason = "value must be " + valueMeaning + ", got " + e.value();
      }
      throw new IllegalArgumentException(EventFields.where(e) + ": " + reason, ex);
    }
  }
}
