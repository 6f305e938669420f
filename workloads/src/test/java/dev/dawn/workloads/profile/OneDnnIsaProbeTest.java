package dev.dawn.workloads.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneDnnIsaProbeTest {

  @Test
  void readsTheConvImplementationPerSourceTypeFromOneDnnVerboseLines() {
    List<String> lines =
        List.of(
            "onednn_verbose,primitive,info,template:operation,engine,primitive,implementation,prop_kind",
            "onednn_verbose,primitive,exec,cpu,reorder,jit:uni,undef,src_f32::blocked:cdba::f0 dst_f32::blocked:Acdb16a::f0,,,16x16x3x3,0.15",
            "onednn_verbose,primitive,exec,cpu,convolution,brg_conv_fwd:avx512_core,forward_training,src_f32::blocked:acdb::f0 wei_f32:a,,0.02",
            "onednn_verbose,v1,primitive,exec,cpu,convolution,brg_conv_fwd:avx10_1_512_amx,forward_training,src:u8::blocked:acdb::f0,,0.01",
            "onednn_verbose,primitive,exec,cpu,convolution,brgconv_1x1:avx512_core_vnni,forward_training,src_u8::blocked,,0.01");
    assertThat(OneDnnIsaProbe.parse(lines))
        .containsEntry("f32", "brg_conv_fwd:avx512_core")
        .containsEntry("u8", "brg_conv_fwd:avx10_1_512_amx") // the first conv of a type wins
        .hasSize(2);
  }

  @Test
  void theFallbackGuessSaysItIsAGuess() {
    assertThat(OneDnnIsaProbe.guessFromCpuFlags(List.of("avx2", "avx512f", "avx512_vnni")))
        .startsWith("avx512_core_vnni")
        .contains("best guess from CPU flags");
    assertThat(OneDnnIsaProbe.guessFromCpuFlags(List.of("avx2"))).startsWith("avx2 ");
  }
}
