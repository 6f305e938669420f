package dev.dawn.reporters.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.events.InferenceSettings;
import dev.dawn.reporters.events.InferenceVariantResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantSettingsTest {

  static InferenceVariantResult variant(String precision) {
    return new InferenceVariantResult(
        precision + "-prune0",
        "resnet9",
        32,
        precision,
        0.0,
        100,
        10,
        1.0,
        1.0,
        0.5,
        1.0,
        1.2,
        1.3,
        1.4,
        2.0,
        1.5,
        0.5,
        1000,
        66,
        95,
        1000,
        0.05,
        List.of(),
        0L,
        0L,
        0.0,
        0.0,
        0L,
        1.0,
        1.1,
        null);
  }

  static InferenceSettings settings(int intra, Boolean bf16Native, boolean firstConvFp32) {
    return new InferenceSettings(
        100,
        10,
        List.of(1),
        3,
        "percentile",
        32,
        firstConvFp32,
        false,
        true,
        null,
        intra,
        1,
        null,
        null,
        Map.of("f32", "brg_conv_fwd:avx512_core", "bf16", "jit_bf16", "u8", "brg:vnni"),
        bf16Native,
        "8-bit",
        null,
        null,
        null);
  }

  static InferenceRunRecord run(InferenceSettings s, Map<String, String> env) {
    return new InferenceRunRecord(
        "r", Path.of("r"), List.of(), Map.of(), null, s, null, env, List.of());
  }

  @Test
  void whatChangesAResultIsNamedFromTheLogAndTheEnvironment() {
    Map<String, String> env =
        Map.of(
            "tfEnableOnednnOpts",
            "0",
            "cpuModel",
            "AMD EPYC",
            "cores",
            "2",
            "cpuFlags",
            "[\"avx2\"]",
            "nativeRuntimeVariables",
            "[\"TF_ENABLE_ONEDNN_OPTS=0\",\"TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true\"]");
    Map<String, String> bf16 =
        VariantSettings.of(run(settings(1, false, false), env), variant("bf16"));
    assertThat(bf16)
        .containsExactly(
            Map.entry(VariantSettings.PRECISION_PATH, "bf16: jit_bf16 (bf16 emulated)"),
            Map.entry(VariantSettings.ONEDNN, "off"),
            Map.entry(VariantSettings.THREADS, "1/1"),
            Map.entry(
                VariantSettings.RUNTIME_VARIABLES, "TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true"),
            Map.entry(VariantSettings.CPU, "AMD EPYC, 2 cores"),
            Map.entry(VariantSettings.CPU_FLAGS, "[\"avx2\"]"));
    assertThat(
            VariantSettings.of(run(settings(2, null, true), env), variant("int8"))
                .get(VariantSettings.PRECISION_PATH))
        .isEqualTo("int8: brg:vnni, first conv fp32, calibration percentile, 8-bit weights");
  }

  @Test
  void anOlderLogWithoutSettingsSaysUnknownRatherThanGuess() {
    Map<String, String> s = VariantSettings.of(run(null, Map.of()), variant("fp32"));
    assertThat(s.get(VariantSettings.PRECISION_PATH)).isEqualTo("fp32: unknown");
    assertThat(s.get(VariantSettings.ONEDNN)).isEqualTo("unknown");
    assertThat(s.get(VariantSettings.THREADS)).isEqualTo("unknown");
    assertThat(s.get(VariantSettings.CPU)).isEqualTo("unknown");
    assertThat(s.get(VariantSettings.RUNTIME_VARIABLES)).isEqualTo("unknown");
  }

  @Test
  void aRunThatSetNoVariableBeyondOnednnSaysNone() {
    assertThat(VariantSettings.runtimeVariables("[\"TF_ENABLE_ONEDNN_OPTS=1\"]")).isEqualTo("none");
    assertThat(VariantSettings.runtimeVariables("[]")).isEqualTo("none");
  }
}
