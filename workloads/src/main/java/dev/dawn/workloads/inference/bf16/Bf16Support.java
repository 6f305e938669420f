package dev.dawn.workloads.inference.bf16;

import dev.dawn.workloads.inference.CpuFlags;
import java.util.List;

/**
 * Whether the CPU computes bf16 natively: oneDNN's bf16 convolutions use AVX512_BF16 (dot products
 * of bf16 pairs) or AMX. Without either, bf16 graphs still run, emulated: on other AVX-512 CPUs
 * oneDNN converts to float32 inside its kernels; without AVX-512, TensorFlow 2.18 leaves bf16 to
 * Eigen's kernels (correct, but no faster than float32 and often slower).
 */
public final class Bf16Support {
  private Bf16Support() {}

  public static boolean isNative() {
    return isNative(cpuFlags());
  }

  static boolean isNative(List<String> cpuFlags) {
    return cpuFlags.contains("avx512_bf16") || cpuFlags.contains("amx_bf16");
  }

  /** One line for logs and summaries. */
  public static String describe() {
    return isNative()
        ? "bf16 runs natively (CPU has "
            + (cpuFlags().contains("amx_bf16") ? "AMX-BF16" : "AVX512_BF16")
            + ")"
        : "bf16 is EMULATED: the CPU has neither AVX512_BF16 nor AMX-BF16, so "
            + (cpuFlags().contains("avx512f")
                ? "oneDNN converts to float32 inside its kernels"
                : "TensorFlow runs bf16 in Eigen's kernels (its oneDNN bf16 needs AVX-512)")
            + " (no bf16 speed-up; dawn doctor checks the results)";
  }

  private static List<String> cpuFlags() {
    return CpuFlags.read();
  }
}
