package dev.dawn.workloads.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU feature flags of /proc/cpuinfo (empty where there is none), which decide the kernels
 * oneDNN can use.
 */
public final class CpuFlags {
  private CpuFlags() {}

  public static List<String> read() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("flags")) {
          return List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return List.of();
  }
}
