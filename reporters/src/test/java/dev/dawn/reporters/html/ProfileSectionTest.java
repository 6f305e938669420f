package dev.dawn.reporters.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.UntypedEvents;
import dev.dawn.reporters.inference.InferenceRunRecord;
import dev.dawn.reporters.profile.OpProfile;
import dev.dawn.reporters.profile.OpTime;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSectionTest {

  @Test
  void aRunWithAnOpProfileGetsItsChartAndSlowestOps(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("20261130-000000-infer-tiny-32px");
    java.nio.file.Files.createDirectories(run);
    try (EventLog events = EventLog.append(run.resolve(RunFolder.EVENTS))) {
      events.write(
          new OpProfile(
                  "int8-prune0",
                  5,
                  400.0,
                  List.of(
                      new OpTime(
                          "layer1",
                          "_MklQuantizedConv2DWithBiasAndReluAndRequantize",
                          "CPU:0",
                          5,
                          1500.0),
                      new OpTime("quantize_input", "_MklQuantizeV2", "CPU:0", 5, 500.0)))
              .event());
    }
    String html =
        ComparisonReport.render(
            List.of(), List.of(InferenceRunRecord.read(run)), dir.resolve("r.html"));
    assertThat(html)
        .contains(
            "<h2>Op profiles</h2>",
            "Time per op type: 20261130-000000-infer-tiny-32px",
            "<code>layer1</code>",
            "_MklQuantizeV2",
            "75.0",
            "25.0");
  }

  @Test
  void runsWithoutProfilesGetNoSection(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("20261130-000000-infer-tiny-32px");
    java.nio.file.Files.createDirectories(run);
    try (EventLog events = EventLog.append(run.resolve(RunFolder.EVENTS))) {
      UntypedEvents.pointInTime(events, "inference_settings", java.util.Map.of("images", 1));
    }
    String html =
        ComparisonReport.render(
            List.of(), List.of(InferenceRunRecord.read(run)), dir.resolve("r.html"));
    assertThat(html).doesNotContain("Op profiles");
  }
}
