package dev.dawn.workloads.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU feature flags of /proc/cpuinfo (empty where there is none), which decide the kernels
 * oneDNN can use, and the CPU model they belong to.
 */
public final class CpuFlags {
  /** The flags worth printing beside a measurement; the full list is long and mostly noise. */
  public static final List<String> KERNEL_FLAGS =
      List.of(
          "avx2",
          "fma",
          "avx512f",
          "avx512bw",
          "avx512vl",
          "avx512_vnni",
          "avx512_bf16",
          "avx_vnni",
          "amx_tile",
          "amx_bf16",
          "amx_int8");

  private CpuFlags() {}

  public static List<String> read() {
    String flags = cpuinfo("flags");
    return flags == null ? List.of() : List.of(flags.split("\\s+"));
  }

  /** The {@link #KERNEL_FLAGS} this CPU has, in /proc/cpuinfo's order. */
  public static List<String> kernelFlags() {
    return read().stream().filter(KERNEL_FLAGS::contains).toList();
  }

  /** e.g. {@code AMD EPYC}; the JVM's architecture where /proc/cpuinfo is missing. */
  public static String cpuModel() {
    String model = cpuinfo("model name");
    return model == null ? System.getProperty("os.arch") : model;
  }

  /** The value of the first line of /proc/cpuinfo whose key is {@code key}, or null. */
  private static String cpuinfo(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return null;
  }
}
