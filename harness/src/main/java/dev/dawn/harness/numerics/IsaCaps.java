package dev.dawn.harness.numerics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code ONEDNN_MAX_CPU_ISA} caps a CPU allows: each cap stands for a CPU generation (AVX2 for
 * Zen 2/3 or Haswell, AVX512_CORE for Skylake-SP, +VNNI for Cascade Lake, +BF16 for Cooper Lake and
 * Zen 4/5, AMX for Sapphire Rapids), so one machine can run what the older ones run.
 */
public final class IsaCaps {
  /** oneDNN's names, oldest first, with the CPU flags each needs. */
  private static final List<Cap> CAPS =
      List.of(
          new Cap("AVX2", Set.of("avx2", "fma")),
          new Cap("AVX512_CORE", Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq")),
          new Cap("AVX512_CORE_VNNI", Set.of("avx512f", "avx512_vnni")),
          new Cap("AVX512_CORE_BF16", Set.of("avx512f", "avx512_vnni", "avx512_bf16")),
          new Cap("AVX512_CORE_AMX", Set.of("amx_tile", "amx_int8", "amx_bf16")));

  private record Cap(String name, Set<String> flags) {}

  private IsaCaps() {}

  public static List<String> names() {
    return CAPS.stream().map(Cap::name).toList();
  }

  /** The caps whose flags this CPU has, oldest first. */
  public static List<String> allowedBy(List<String> cpuFlags) {
    List<String> out = new ArrayList<>();
    for (Cap c : CAPS) {
      if (cpuFlags.containsAll(c.flags())) {
        out.add(c.name());
      }
    }
    return out;
  }
}
