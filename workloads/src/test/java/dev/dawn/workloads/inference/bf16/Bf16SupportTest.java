package dev.dawn.workloads.inference.bf16;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Bf16SupportTest {
  @Test
  void withoutAvx512Bf16OrAmxItIsEmulated() {
    assertThat(Bf16Support.isNative(List.of("avx2", "avx512f", "avx512_vnni"))).isFalse();
    assertThat(Bf16Support.isNative(List.of("avx512f", "avx512_bf16"))).isTrue();
    assertThat(Bf16Support.isNative(List.of("amx_bf16"))).isTrue();
  }
}
