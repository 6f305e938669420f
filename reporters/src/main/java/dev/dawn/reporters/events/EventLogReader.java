package dev.dawn.reporters.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code events.jsonl}. A bad LAST non-blank line is what a writer killed mid-line leaves
 * behind, so it is dropped; a bad line anywhere else means the file is corrupt and is reported with
 * file and line number. {@link #read} gives the run: a resumed run's log as one continuous run
 * ({@link ContinuousLog}); {@link #readLines} every line as written.
 */
public final class EventLogReader {
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private EventLogReader() {}

  /**
   * The run the log records: every line, but for the lines a {@code run_resume} supersedes.
   *
   * @throws EventLogFormatException naming the file and line when a line is corrupt or a run_resume
   *     does not fit the log
   */
  public static List<Event> read(Path file) {
    try {
      return ContinuousLog.of(readLines(file));
    } catch (IllegalArgumentException e) {
      throw new EventLogFormatException(file + ": " + e.getMessage(), 0, e);
    }
  }

  /** Every complete line of the log, as written (a torn last line left out). */
  public static List<Event> readLines(Path file) {
    List<String> lines;
    try {
      // Decoding with replacement (not readAllLines) so a multi-byte character torn by a kill in
      // the last line only spoils that line instead of failing the whole file.
      lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event log " + file, e);
    }
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        events.add(parse(line));
      } catch (IllegalArgumentException e) {
        if (i == last) {
          break; // torn line of a killed writer
        }
        throw new EventLogFormatException(
            file
                + ":"
                + (i + 1)
                + ": corrupt event line ("
                + e.getMessage()
                + "); only the last line may be incomplete",
            i + 1,
            e);
      }
    }
    return List.copyOf(events);
  }

  @SuppressWarnings("unchecked")
  static Event parse(String line) {
    Map<String, Object> obj;
    try {
      obj = EventJson.MAPPER.readValue(line, OBJECT);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
    }
    if (obj == null) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Object time = obj.get("time_ms");
    if (!(time instanceof Number n)) {
      throw new IllegalArgumentException("'time_ms' must be a number");
    }
    if (!(obj.get("event_type") instanceof String type) || !EventType.isKnown(type)) {
      throw new IllegalArgumentException("'event_type' must be one of " + EventType.ALL);
    }
    if (!(obj.get("key") instanceof String key)) {
      throw new IllegalArgumentException("'key' must be a string");
    }
    Object metadata = obj.get("metadata");
    if (metadata != null && !(metadata instanceof Map)) {
      throw new IllegalArgumentException("'metadata' must be an object");
    }
    NonFinite.Stripped restored =
        NonFinite.restore(obj.get("value"), (Map<String, Object>) metadata);
    return new Event(n.longValue(), type, key, restored.value(), restored.metadata());
  }
}
