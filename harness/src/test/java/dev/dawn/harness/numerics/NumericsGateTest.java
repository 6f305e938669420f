package dev.dawn.harness.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.precision.InferencePrecision;
import dev.dawn.workloads.precision.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericsGateTest {
  private static final String TF = "tf-test";
  private static final NumericsSetting ON = new NumericsSetting(true, "");
  private static final NumericsSetting OFF = new NumericsSetting(false, "");

  @TempDir Path dir;
  private final List<String> said = new ArrayList<>();

  private NumericsGate gate(NumericsReport on, NumericsReport off, String routedBecause) {
    NumericsCache cache = new NumericsCache(dir);
    cache.write(ON, TF, on);
    cache.write(OFF, TF, off);
    return new NumericsGate(cache, ON, () -> TF, routedBecause, said::add);
  }

  @Test
  void correctPrecisionsGoAndFp32IsNotChecked() {
    NumericsGate g = gate(Reports.report(ON), Reports.report(OFF), null);
    GateDecision d = g.training(Precision.BF16);
    assertThat(d.kind()).isEqualTo(GateDecision.Kind.GO);
    assertThat(d.record())
        .containsEntry("verdict", "correct")
        .containsEntry("setting", "oneDNN on");
    assertThat(g.training(Precision.FP32).record()).containsEntry("checked", false);
  }

  @Test
  void trainingRerunsWithoutOneDnnWhereOnlyThatIsRight() {
    GateDecision d =
        gate(Reports.report(ON, "bf16"), Reports.report(OFF), null).training(Precision.BF16);
    assertThat(d.kind()).isEqualTo(GateDecision.Kind.RERUN);
    assertThat(d.rerunEnvironment())
        .containsEntry(NumericsSetting.ONEDNN_ENV, "0")
        .containsKey(NumericsGate.ROUTED_ENV);
    assertThat(d.line())
        .contains("bf16 is wrong with oneDNN", "layer1_res", "TF_ENABLE_ONEDNN_OPTS=0");
  }

  @Test
  void theRerunChildDoesNotRerouteAgainAndRecordsWhy() {
    NumericsCache cache = new NumericsCache(dir);
    cache.write(OFF, TF, Reports.report(OFF));
    GateDecision d =
        new NumericsGate(cache, OFF, () -> TF, "bf16 is wrong with oneDNN here", said::add)
            .training(Precision.BF16);
    assertThat(d.kind()).isEqualTo(GateDecision.Kind.GO);
    assertThat(d.record()).containsEntry("reranBecause", "bf16 is wrong with oneDNN here");
  }

  @Test
  void nothingRightIsRefusedInOneLineNamingPrecisionCheckAndHost() {
    NumericsGate g = gate(Reports.report(ON, "bf16"), Reports.report(OFF, "bf16"), null);
    assertThatThrownBy(() -> g.training(Precision.BF16))
        .isInstanceOf(NumericsRefusedException.class)
        .hasMessageContaining("precision bf16 is computed wrong on this host")
        .hasMessageContaining("TensorFlow " + TF)
        .hasMessageContaining("layer1_res")
        .hasMessageContaining("dawn doctor")
        .hasMessageNotContaining("\n");
  }

  @Test
  void inferenceTakesSevenBitWeightsAndSaysSo() {
    GateDecision d =
        gate(Reports.report(ON, "int8-8"), Reports.report(OFF), null)
            .inference(List.of(InferencePrecision.FP32, InferencePrecision.INT8));
    assertThat(d.kind()).isEqualTo(GateDecision.Kind.GO);
    assertThat(d.int8Weights()).isEqualTo(Int8Weights.SEVEN_BIT);
    assertThat(said).singleElement().asString().contains("int8", "7-bit");
    assertThat(d.record()).containsKey("int8");
  }

  @Test
  void inferenceRefusesWrongBf16AndSaysHowToMeasureItAlone() {
    NumericsGate g = gate(Reports.report(ON, "bf16"), Reports.report(OFF), null);
    assertThatThrownBy(
            () ->
                g.inference(
                    List.of(
                        InferencePrecision.FP32, InferencePrecision.BF16, InferencePrecision.INT8)))
        .isInstanceOf(NumericsRefusedException.class)
        .hasMessageContaining("right with oneDNN off")
        .hasMessageContaining("TF_ENABLE_ONEDNN_OPTS=0 bin/dawn infer --precision bf16");
  }
}
