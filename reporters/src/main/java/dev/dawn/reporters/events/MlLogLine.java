package dev.dawn.reporters.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as MLPerf's logging package prints it: {@value #PREFIX} then one JSON object whose keys
 * are {@code namespace} (always empty: dawn logs one process's view) and the {@code events.jsonl}
 * line's own. Non-ASCII characters are escaped because MLPerf's tools read logs as Latin-1.
 */
public final class MlLogLine {
  /** What MLPerf's parsers look for at the start of a line. */
  public static final String PREFIX = ":::MLLOG ";

  private static final ObjectWriter ASCII =
      EventJson.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private MlLogLine() {}

  public static String of(Event event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("namespace", "");
    line.putAll(EventJson.line(event));
    try {
      return PREFIX + ASCII.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          EventFields.where(event) + " has a value or metadata that is not JSON-serialisable", e);
    }
  }
}
