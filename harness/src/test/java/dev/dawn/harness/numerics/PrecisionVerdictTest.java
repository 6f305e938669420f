package dev.dawn.harness.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.inference.quant.Int8Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecisionVerdictTest {
  private static final NumericsSetting ON = new NumericsSetting(true, "");

  @Test
  void everyCheckPassedIsCorrectAndInt8KeepsItsFullResolution() {
    NumericsReport r = Reports.report(ON);
    for (String p : PrecisionVerdict.PRECISIONS) {
      assertThat(PrecisionVerdict.of(r, p).status())
          .as(p)
          .isEqualTo(PrecisionVerdict.Status.CORRECT);
    }
    assertThat(PrecisionVerdict.of(r, "int8").int8Weights()).isEqualTo(Int8Weights.EIGHT_BIT);
  }

  @Test
  void aFailedCheckNamesItsLayerErrorAndKernels() {
    PrecisionVerdict v = PrecisionVerdict.of(Reports.report(ON, "bf16"), "bf16");
    assertThat(v.status()).isEqualTo(PrecisionVerdict.Status.BROKEN);
    assertThat(v.detail())
        .contains("bf16/net-resnet9", "layer1_res", "(5.6x)", "brg_conv_fwd:avx2");
    assertThat(v.usable()).isFalse();
  }

  @Test
  void saturatingEightBitWeightsRouteToSevenBit() {
    PrecisionVerdict v = PrecisionVerdict.of(Reports.report(ON, "int8-8"), "int8");
    assertThat(v.status()).isEqualTo(PrecisionVerdict.Status.ROUTED);
    assertThat(v.int8Weights()).isEqualTo(Int8Weights.SEVEN_BIT);
    assertThat(v.detail()).contains("7-bit weights pass", "int8-8-bit/conv_relu", "19.6x");
    assertThat(PrecisionVerdict.of(Reports.report(ON, "int8-8", "int8-7"), "int8").status())
        .isEqualTo(PrecisionVerdict.Status.BROKEN);
  }

  @Test
  void int8WithoutOneDnnIsUnavailableAndACrashBreaksTheCheckItHappenedIn() {
    NumericsSetting off = new NumericsSetting(false, "");
    assertThat(PrecisionVerdict.of(Reports.report(off), "int8").status())
        .isEqualTo(PrecisionVerdict.Status.UNAVAILABLE);
    NumericsReport r = Reports.report(ON);
    NumericsReport crashed =
        new NumericsReport(
            r.setting(),
            r.cpuModel(),
            r.cpuFlags(),
            r.tensorflow(),
            r.suiteVersion(),
            r.date(),
            r.rows().stream().filter(row -> !row.result().precision().equals("int8")).toList(),
            "the check process died with exit status 134 (SIGABRT: the process aborted) in check"
                + " int8-8-bit/conv_relu: oneDNN error");
    PrecisionVerdict v = PrecisionVerdict.of(crashed, "int8");
    assertThat(v.status()).isEqualTo(PrecisionVerdict.Status.BROKEN);
    assertThat(v.detail()).contains("SIGABRT", "int8-8-bit/conv_relu");
    assertThat(PrecisionVerdict.of(crashed, "bf16").status())
        .isEqualTo(PrecisionVerdict.Status.CORRECT);
    assertThat(List.of(crashed.crash())).isNotEmpty();
  }
}
