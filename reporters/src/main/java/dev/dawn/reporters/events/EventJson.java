package dev.dawn.reporters.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
      MAPPER.rebuild().serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private EventJson() {}

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
