package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.inference.quant.CalibrationMethod;
import dev.dawn.workloads.precision.InferencePrecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceConfigTest {
  @TempDir Path tmp;

  private static ConfigLoader.KeyValue flag(String key, String flag, Object value) {
    return new ConfigLoader.KeyValue(
        key, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value), flag);
  }

  @Test
  void defaultsFileFlagsThenSetEachLaidOverTheLast() throws Exception {
    Path file = tmp.resolve("infer.yaml");
    Files.writeString(
        file,
        """
        model: {randomResnet50: 64}
        precisions: [fp32, bf16]
        measure: {batchSizes: [1, 4], limit: 100}
        """);
    var loaded =
        InferenceConfigLoader.load(
            file,
            List.of(flag("measure.limit", "--limit", 50)),
            List.of("int8.calibration=entropy"));
    InferenceConfig c = loaded.config();
    assertThat(c.precisions()).containsExactly(InferencePrecision.FP32, InferencePrecision.BF16);
    assertThat(c.measure().batchSizes()).containsExactly(1, 4);
    assertThat(c.measure().limit()).isEqualTo(50);
    assertThat(c.measure().batchRepeats()).isEqualTo(20); // the default
    assertThat(c.int8().calibration()).isEqualTo(CalibrationMethod.ENTROPY);
    assertThat(c.model().randomResnet50()).isEqualTo(64);
    assertThat(loaded.tree().path("measure").path("limit").asInt()).isEqualTo(50);
  }

  @Test
  void everyBadKeyOrValueIsOneLineNamingWhereItWasWritten() throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        model: {randomResnet50: 64}
        precisions: [fp32, int4]
        measure: {batchSize: [1]}
        """);
    assertThatThrownBy(() -> InferenceConfigLoader.load(file, List.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":3")
        .hasMessageContaining("unknown key 'measure.batchSize'");
    Files.writeString(file, "model: {randomResnet50: 64}\nprecisions: [fp32, int4]\n");
    assertThatThrownBy(() -> InferenceConfigLoader.load(file, List.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":2")
        .hasMessageContaining("int4");
    assertThatThrownBy(
            () ->
                InferenceConfigLoader.load(
                    null,
                    List.of(flag("accuracyBudget", "--accuracy-budget", -1.0)),
                    List.of("model.randomResnet50=64")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--accuracy-budget")
        .hasMessageContaining("accuracyBudget");
  }

  @Test
  void aModelIsEitherAPathOrARandomNet() {
    assertThatThrownBy(() -> InferenceConfigLoader.load(null, List.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("give either model.path");
    assertThatThrownBy(
            () ->
                InferenceConfigLoader.load(
                    null,
                    List.of(),
                    List.of("model.randomResnet50=64", "model.path=results/runs/x")))
        .hasMessageContaining("not both or neither");
  }
}
