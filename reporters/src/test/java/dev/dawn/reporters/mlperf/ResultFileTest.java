package dev.dawn.reporters.mlperf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.MlLogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileTest {
  @TempDir Path tmp;

  @Test
  void oneMllogLinePerEventInLogOrder() throws Exception {
    List<Event> events = ComplianceCheckTest.closedLarsRun();
    Path dir = tmp.resolve("results/cpu/resnet");
    Path file = ResultFile.write(events, dir, 2);
    assertThat(file).isEqualTo(dir.resolve("result_2.txt"));
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    assertThat(lines).hasSize(events.size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).isEqualTo(MlLogLine.of(events.get(i)));
    }
  }

  @Test
  void resultFilesBeyondTheExportedRunsAreFound() throws Exception {
    assertThat(ResultFile.beyond(tmp.resolve("missing"), 1)).isEmpty();
    for (String name : List.of("result_0.txt", "result_1.txt", "result_4.txt", "notes.txt")) {
      Files.writeString(tmp.resolve(name), "");
    }
    assertThat(ResultFile.beyond(tmp, 2)).containsExactly(tmp.resolve("result_4.txt"));
    assertThat(ResultFile.beyond(tmp, 5)).isEmpty();
  }
}
