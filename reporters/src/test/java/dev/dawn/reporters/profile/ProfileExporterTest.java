package dev.dawn.reporters.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.UntypedEvents;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileExporterTest {

  private static OpProfile sample(String label) {
    return new OpProfile(
        label,
        2,
        900.0,
        List.of(
            new OpTime("add", "AddV2", "CPU:0", 2, 100.0),
            new OpTime("conv1", "_MklNativeFusedConv2D", "CPU:0", 2, 600.0),
            new OpTime("conv2", "_MklNativeFusedConv2D", "CPU:0", 2, 300.0)));
  }

  @Test
  void sharesSumToOneAndTypesAreGroupedSlowestFirst() {
    OpProfile p = sample("int8");
    assertThat(p.ops()).extracting(OpTime::name).containsExactly("conv1", "conv2", "add");
    assertThat(p.ops().stream().mapToDouble(p::share).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(p.microsByType())
        .containsExactly(
            java.util.Map.entry("_MklNativeFusedConv2D", 900.0),
            java.util.Map.entry("AddV2", 100.0));
    assertThat(p.ops().get(0).meanMicros()).isEqualTo(300.0);
  }

  @Test
  void theEventRoundTripsThroughTheEventLogIntoCsvAndChart(@TempDir Path dir) throws Exception {
    try (EventLog events = EventLog.append(dir.resolve(RunFolder.EVENTS))) {
      events.write(sample("fp32").event());
      events.write(sample("int8").event());
    }
    List<Path> written = ProfileExporter.export(dir);

    assertThat(written)
        .contains(
            dir.resolve("profile.csv"),
            dir.resolve("profile-by-op-type.png"),
            dir.resolve("profile-by-op-type.svg"));
    List<String> lines = Files.readAllLines(dir.resolve("profile.csv"));
    assertThat(lines.get(0))
        .isEqualTo("profile,op,opType,device,calls,totalUs,meanUs,sharePercent");
    assertThat(lines).hasSize(1 + 6);
    assertThat(lines.get(1)).isEqualTo("fp32,conv1,_MklNativeFusedConv2D,CPU:0,2,600.0,300.0,60.0");
  }

  @Test
  void aRunWithoutProfilesGetsNoFiles(@TempDir Path dir) throws Exception {
    try (EventLog events = EventLog.append(dir.resolve(RunFolder.EVENTS))) {
      UntypedEvents.pointInTime(events, "something_else", 1);
    }
    assertThat(ProfileExporter.export(dir)).isEmpty();
    assertThat(dir.resolve("profile.csv")).doesNotExist();
  }
}
