package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.run.RunFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  @TempDir Path dir;

  @Test
  void writesOneMlLogObjectPerLineInKeyOrder() throws Exception {
    Path file = dir.resolve("a/b/events.jsonl");
    AtomicLong clock = new AtomicLong(1000);
    try (EventLog log = EventLog.append(file, clock::getAndIncrement)) {
      UntypedEvents.intervalStart(log, MlLogKeys.RUN_START, Map.of("run_id", "r1"));
      UntypedEvents.pointInTime(log, MlLogKeys.GLOBAL_BATCH_SIZE, 512);
      UntypedEvents.pointInTime(log, MlLogKeys.EVAL_ACCURACY, 0.5, Map.of("epoch_num", 1));
    }
    assertThat(Files.readString(file))
        .isEqualTo(
            "{\"time_ms\":1000,\"event_type\":\"INTERVAL_START\",\"key\":\"run_start\",\"value\":null,\"metadata\":{\"run_id\":\"r1\"}}\n"
                + "{\"time_ms\":1001,\"event_type\":\"POINT_IN_TIME\",\"key\":\"global_batch_size\",\"value\":512,\"metadata\":{}}\n"
                + "{\"time_ms\":1002,\"event_type\":\"POINT_IN_TIME\",\"key\":\"eval_accuracy\",\"value\":0.5,\"metadata\":{\"epoch_num\":1}}\n");
  }

  @Test
  void appendsToExistingFileAndRoundTripsValues() {
    Path file = dir.resolve(RunFolder.EVENTS);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("list", List.of(1, "two", true));
    nested.put("nothing", null);
    try (EventLog log = EventLog.append(file, () -> 5)) {
      UntypedEvents.pointInTime(log, "a", "text");
    }
    try (EventLog log = EventLog.append(file, () -> 6)) {
      UntypedEvents.pointInTime(log, "b", nested, Map.of("loss", Double.NaN));
      UntypedEvents.intervalEnd(log, "c", null);
    }
    List<Event> events = EventLogReader.read(file);
    assertThat(events).hasSize(3);
    assertThat(events.get(0))
        .isEqualTo(new Event(5, EventType.POINT_IN_TIME, "a", "text", Map.of()));
    assertThat(events.get(1).value()).isEqualTo(nested);
    assertThat((Double) events.get(1).meta("loss")).isNaN();
    assertThat(events.get(2).eventType()).isEqualTo(EventType.INTERVAL_END);
    assertThat(events.get(2).value()).isNull();
  }

  @Test
  void dropsTornLastLineOfKilledWriter() throws Exception {
    Path file = dir.resolve(RunFolder.EVENTS);
    try (EventLog log = EventLog.append(file, () -> 1)) {
      UntypedEvents.pointInTime(log, "a", 1);
      UntypedEvents.pointInTime(log, "b", 2);
    }
    Files.writeString(
        file,
        "{\"time_ms\":3,\"event_type\":\"POINT_IN_TI",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(EventLogReader.read(file)).extracting(Event::key).containsExactly("a", "b");
  }

  @Test
  void corruptMiddleLineNamesFileAndLine() throws Exception {
    Path file = dir.resolve(RunFolder.EVENTS);
    Files.writeString(
        file,
        "{\"time_ms\":1,\"event_type\":\"POINT_IN_TIME\",\"key\":\"a\",\"value\":1,\"metadata\":{}}\n"
            + "garbage\n"
            + "{\"time_ms\":2,\"event_type\":\"POINT_IN_TIME\",\"key\":\"b\",\"value\":1,\"metadata\":{}}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EventLogReader.read(file))
        .isInstanceOf(EventLogFormatException.class)
        .hasMessageContaining(file + ":2:");
  }

  @Test
  void unknownEventTypeInMiddleIsRejected() throws Exception {
    Path file = dir.resolve(RunFolder.EVENTS);
    Files.writeString(
        file,
        "{\"time_ms\":1,\"event_type\":\"NOPE\",\"key\":\"a\",\"value\":1,\"metadata\":{}}\n"
            + "{\"time_ms\":2,\"event_type\":\"POINT_IN_TIME\",\"key\":\"b\",\"value\":1,\"metadata\":{}}\n");
    assertThatThrownBy(() -> EventLogReader.read(file))
        .hasMessageContaining(":1:")
        .hasMessageContaining("event_type");
  }

  @Test
  void concurrentWritersNeverInterleaveLines() throws Exception {
    Path file = dir.resolve(RunFolder.EVENTS);
    try (EventLog log = EventLog.append(file)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    UntypedEvents.pointInTime(log, "k" + id, "x".repeat(200), Map.of("i", i));
                  }
                }));
      }
      threads.forEach(Thread::start);
      for (Thread th : threads) {
        th.join();
      }
    }
    assertThat(EventLogReader.read(file)).hasSize(1000);
  }

  @Test
  void writingAfterCloseFails() {
    EventLog log = EventLog.append(dir.resolve("e.jsonl"));
    log.close();
    assertThatThrownBy(() -> UntypedEvents.pointInTime(log, "a", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
