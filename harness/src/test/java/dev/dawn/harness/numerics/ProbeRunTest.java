package dev.dawn.harness.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.numerics.HostNumericsProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRunTest {
  private static final NumericsSetting ON = new NumericsSetting(true, "");

  private static String result(String id) throws Exception {
    return HostNumericsProbe.RESULT
        + NumericsJson.MAPPER
            .writer()
            .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(Reports.passed(id, "fp32", ""));
  }

  @Test
  void kernelsAreTiedToTheCheckTheyRanIn() throws Exception {
    List<String> lines =
        List.of(
            "onednn_verbose,info,cpu,isa:Intel AVX2",
            HostNumericsProbe.BEGIN + "fp32/conv3x3",
            "onednn_verbose,primitive,exec,cpu,reorder,jit:uni,undef,src_f32 dst_f32,,,16x16,0.1",
            "onednn_verbose,primitive,exec,cpu,convolution,brg_conv_fwd:avx2,forward_training,src,,,1,0.2",
            result("fp32/conv3x3"),
            HostNumericsProbe.BEGIN + "fp32/maxpool",
            result("fp32/maxpool"),
            HostNumericsProbe.BEGIN + "fp32/mean-matmul",
            "onednn_verbose,primitive,exec,cpu,gemm_api,,undef,src_f32,,,2x16:16x10,0.01",
            result("fp32/mean-matmul"),
            HostNumericsProbe.DONE);
    NumericsReport r = ProbeRun.parse(ON, "tf", lines, "");
    assertThat(r.rows())
        .extracting(CheckRow::kernels)
        .containsExactly("brg_conv_fwd:avx2", "TensorFlow (no oneDNN primitive)", "gemm");
    assertThat(r.crashLine()).isEmpty();
  }

  @Test
  void aProbeThatDiesNamesTheCheckItDiedIn() throws Exception {
    List<String> lines =
        List.of(
            HostNumericsProbe.BEGIN + "fp32/conv3x3",
            result("fp32/conv3x3"),
            HostNumericsProbe.BEGIN + "bf16/conv3x3",
            "oneDNN error: could not create a primitive",
            "# A fatal error has been detected by the Java Runtime Environment:");
    NumericsReport r =
        ProbeRun.parse(ON, "tf", lines, "died with exit status 134 (SIGABRT: the process aborted)");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.crash())
        .isEqualTo(
            "the check process died with exit status 134 (SIGABRT: the process aborted) in check"
                + " bf16/conv3x3: oneDNN error: could not create a primitive");
    assertThat(PrecisionVerdict.of(r, "bf16").status()).isEqualTo(PrecisionVerdict.Status.BROKEN);
  }
}
