package dev.dawn.reporters.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Append-only JSON-lines event log ({@code events.jsonl}). Each line is one {@code :::MLLOG} object
 * without the prefix, keys in the order {@code time_ms, event_type, key, value, metadata}. Every
 * line is flushed as soon as it is written, so a {@code kill -9} loses at most the line being
 * written; the reader drops such a torn last line. Lines are strict JSON (no bare NaN; see {@link
 * NonFinite}). All methods are thread-safe.
 */
public final class EventLog implements AutoCloseable {
  private final Path file;
  private final Writer out;
  private final LongSupplier clockMs;
  private boolean closed;
  private int lines;

  private EventLog(Path file, Writer out, LongSupplier clockMs, int lines) {
    this.file = file;
    this.out = out;
    this.clockMs = clockMs;
    this.lines = lines;
  }

  /**
   * Opens {@code file} for appending (creating it and its parent directories), timestamps from the
   * wall clock.
   */
  public static EventLog append(Path file) {
    return append(file, System::currentTimeMillis);
  }

  /** As {@link #append(Path)} with an injectable millisecond clock (for tests and replays). */
  public static EventLog append(Path file, LongSupplier clockMs) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clockMs, "clockMs");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      int lines = dropTornLastLine(file);
      Writer out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
      return new EventLog(file, out, clockMs, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open event log " + file + " for appending", e);
    }
  }

  /**
   * Cuts a last line without its newline (what a writer killed mid-line leaves) from {@code file}:
   * a line appended after it would make it a corrupt line inside the log instead of a torn last
   * one.
   *
   * @return the complete lines the file holds
   */
  private static int dropTornLastLine(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return 0;
    byte[] bytes = Files.readAllBytes(file);
    int lines = 0;
    int end = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines++;
        end = i + 1;
      }
    }
    if (end < bytes.length) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(end);
      }
    }
    return lines;
  }

  /** Lines the log holds: those it had when opened and those written since. */
  public synchronized int lines() {
    return lines;
  }

  public Path file() {
    return file;
  }

  /** Appends a typed event (the way runners write). */
  public void write(RunEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (this) {
      append(event.toEvent(clockMs.getAsLong()));
    }
  }

  /**
   * Appends a typed event stamped {@code timeMs} instead of now: for what happened before the log
   * could be opened ({@code init_start}: data preparation and joining a cluster come before the run
   * folder exists).
   */
  public synchronized void writeAt(RunEvent event, long timeMs) {
    Objects.requireNonNull(event, "event");
    append(event.toEvent(timeMs));
  }

  /**
   * Appends an untyped event. Package-private: runners write records; only hand-made logs in tests
   * (through the test sources' {@code UntypedEvents}) write keys that have no record.
   */
  synchronized void write(
      String eventType, String key, Object value, Map<String, Object> metadata) {
    Objects.requireNonNull(key, "key");
    append(new Event(clockMs.getAsLong(), eventType, key, value, metadata));
  }

  private synchronized void append(Event e) {
    if (closed) {
      throw new IllegalStateException(
          "event log " + file + " is closed; cannot write '" + e.key() + "'");
    }
    String json;
    try {
      json = EventJson.MAPPER.writeValueAsString(EventJson.line(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException(
          "event '" + e.key() + "' has a value or metadata that is not JSON-serialisable", ex);
    }
    try {
      // One write call per line then flush: a crash can tear only this line.
      out.write(json + "\n");
      out.flush();
      lines++;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot append event '" + e.key() + "' to " + file, ex);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close event log " + file, e);
    }
  }
}
