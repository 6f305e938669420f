package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one Jackson configuration shared by writer and reader. Lines are strict JSON: a non-finite
 * number is written as null and named in the line's {@link NonFinite#FLAG} metadata (see {@link
 * NonFinite}). Bare {@code NaN} and {@code Infinity}, which logs written before that rule contain,
 * are still accepted on reading. Records bind strictly: no float for an int, no string for a
 * number, no null for a primitive; unknown fields (written by a newer dawn) are ignored.
 */
final class EventJson {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  /**
   * Records to value/metadata maps and back: an absent optional field (null) is left out of the
   * line.
   */
  static final JsonMapper RECORDS =
      MAPPER
          .rebuild()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          // init_start and init_stop carry no field: their metadata is empty
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private EventJson() {}

  /**
   * The JSON object of one line, keys in the order {@code time_ms, event_type, key, value,
   * metadata}, strict: a NaN or infinity becomes null, named in the metadata (see {@link
   * NonFinite}).
   */
  static Map<String, Object> line(Event e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time_ms", e.timeMs());
    line.put("event_type", e.eventType());
    line.put("key", e.key());
    NonFinite.Stripped strict = NonFinite.strip(e.value(), e.metadata());
    line.put("value", strict.value());
    line.put("metadata", strict.metadata());
    return line;
  }

  /** Jackson's own words for why a binding failed, without its source location. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonMappingException j) {
        String path =
            j.getPath().stream()
                .map(
                    r ->
                        r.getFieldName() != null
                            ? "\"" + r.getFieldName() + "\""
                            : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse("");
        return j.getOriginalMessage() + (path.isEmpty() ? "" : " (field " + path + ")");
      }
    }
    return e.getMessage();
  }
}
