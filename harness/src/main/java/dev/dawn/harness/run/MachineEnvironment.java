package dev.dawn.harness.run;

import dev.dawn.workloads.inference.CpuFlags;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a number was measured on: CPU model and flags, cores, memory, how idle CPUs wait, OS, JDK,
 * TensorFlow and the variables that steer its native threads and kernels, threads, git commit.
 * Written as environment.json beside every run, and compared by reports to flag runs that are not
 * comparable.
 */
public final class MachineEnvironment {
  private MachineEnvironment() {}

  public static Map<String, Object> describe(
      String tensorflowVersion, int intraOp, int interOp, Map<String, Object> seeds) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("cpuModel", cpuModel());
    env.put("cpuFlags", cpuFlags());
    env.put("cores", Runtime.getRuntime().availableProcessors());
    env.put("memoryBytes", totalMemoryBytes());
    env.put("cpuIdle", CpuIdle.read());
    env.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    env.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    env.put("jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
    env.put("tensorflowJava", "1.1.0");
    env.put("tensorflowRuntime", tensorflowVersion);
    env.put("tfEnableOnednnOpts", System.getenv("TF_ENABLE_ONEDNN_OPTS"));
    env.put("nativeRuntimeVariables", NativeRuntimeVariables.read());
    env.put("intraOpThreads", intraOp);
    env.put("interOpThreads", interOp);
    DawnBuild build =
        DawnBuild.current(); // the code that measured, not the git state of the working folder
    env.put("gitCommit", build.commit());
    env.put("gitDirty", build.dirtyFlag());
    env.put("seeds", seeds);
    return env;
  }

  /** e.g. {@code AMD EPYC}; the JVM's architecture where /proc/cpuinfo is missing. */
  public static String cpuModel() {
    return CpuFlags.cpuModel();
  }

  /** The CPU flags that decide which ML kernels can run (AVX2, AVX-512, VNNI, BF16, AMX). */
  public static List<String> cpuFlags() {
    return CpuFlags.kernelFlags();
  }

  /** Writes environment.json (pretty-printed, UTF-8). */
  public static void write(Path file, Map<String, Object> environment) throws IOException {
    new com.fasterxml.jackson.databind.ObjectMapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(file.toFile(), environment);
  }

  /**
   * A short hardware line for DAWNBench's "hardware" field, e.g. "AMD EPYC (2 cores, 24 GiB), CPU
   * only".
   */
  public static String hardwareLine() {
    String model = cpuModel();
    long gib = Math.round(totalMemoryBytes() / (1024.0 * 1024 * 1024));
    return model
        + " ("
        + Runtime.getRuntime().availableProcessors()
        + " cores, "
        + gib
        + " GiB), CPU only";
  }

  /** A file-name-safe hardware tag, e.g. "2c-amd-epyc". */
  public static String hardwareTag() {
    String model = cpuModel();
    String slug =
        model
            .toLowerCase()
            .replaceAll("\\(r\\)|\\(tm\\)", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-|-$", "");
    String[] words = slug.split("-");
    String shortModel = String.join("-", Arrays.copyOf(words, Math.min(3, words.length)));
    return Runtime.getRuntime().availableProcessors() + "c-" + shortModel;
  }

  private static long totalMemoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return Runtime.getRuntime().maxMemory();
  }
}
