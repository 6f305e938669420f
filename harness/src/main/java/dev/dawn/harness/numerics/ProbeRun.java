package dev.dawn.harness.numerics;

import dev.dawn.harness.run.ChildJvm;
import dev.dawn.harness.run.MachineEnvironment;
import dev.dawn.workloads.numerics.CheckResult;
import dev.dawn.workloads.numerics.CheckSuite;
import dev.dawn.workloads.numerics.HostNumericsProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the check suite in a child JVM under one {@link NumericsSetting} with {@code
 * ONEDNN_VERBOSE=1}, and reads its output: each check's result, and the oneDNN primitives executed
 * between its begin line and its result line. A child that dies (a kernel that aborts, an ISA cap
 * TensorFlow cannot honour) or hangs ends in a report with one crash line naming the check it was
 * in; its JVM crash log goes to a temporary folder that is deleted.
 */
final class ProbeRun {
  static final int TIMEOUT_SECONDS = 300;
  private static final String NO_ONEDNN = "TensorFlow (no oneDNN primitive)";

  private ProbeRun() {}

  static NumericsReport run(NumericsSetting setting, String tensorflow) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("dawn-doctor");
      Path out = dir.resolve("probe.log");
      List<String> command =
          new ArrayList<>(ChildJvm.command(HostNumericsProbe.class.getName(), List.of()));
      command.add(1, "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
      command.add(1, "-XX:-CreateCoredumpOnCrash");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().putAll(setting.environment());
      if (setting.isaCap().isEmpty()) {
        pb.environment().remove(NumericsSetting.ISA_ENV);
      }
      pb.environment().put("ONEDNN_VERBOSE", "1");
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      Process p = pb.start();
      String ending = "";
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        ending = "did not finish within " + TIMEOUT_SECONDS + " s";
      } else if (p.exitValue() != 0) {
        ending = "died with exit status " + p.exitValue() + signal(p.exitValue());
      }
      return parse(setting, tensorflow, Files.readAllLines(out, StandardCharsets.UTF_8), ending);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the host numerics check", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the host numerics check", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /**
   * @param ending empty when the child exited normally, else how it ended
   */
  static NumericsReport parse(
      NumericsSetting setting, String tensorflow, List<String> lines, String ending) {
    List<CheckRow> rows = new ArrayList<>();
    String current = null;
    Set<String> kernels = new LinkedHashSet<>();
    String lastOther = "";
    boolean done = false;
    for (String line : lines) {
      if (line.startsWith(HostNumericsProbe.BEGIN)) {
        current = line.substring(HostNumericsProbe.BEGIN.length()).trim();
        kernels.clear();
      } else if (line.startsWith(HostNumericsProbe.RESULT)) {
        CheckResult r = readResult(line.substring(HostNumericsProbe.RESULT.length()));
        rows.add(new CheckRow(r, kernels.isEmpty() ? NO_ONEDNN : String.join(", ", kernels)));
        current = null;
      } else if (line.startsWith(HostNumericsProbe.DONE)) {
        done = true;
      } else if (line.startsWith("onednn_verbose")) {
        String k = primitive(line);
        if (k != null && current != null) {
          kernels.add(k);
        }
      } else if (!line.isBlank() && !line.startsWith("#")) {
        lastOther = line.trim();
      }
    }
    String crash = "";
    if (!ending.isEmpty() || !done) {
      crash =
          "the check process "
              + (ending.isEmpty() ? "stopped early" : ending)
              + (current != null ? " in check " + current : "")
              + (lastOther.isEmpty() ? "" : ": " + lastOther);
    }
    return new NumericsReport(
        setting,
        MachineEnvironment.cpuModel(),
        MachineEnvironment.cpuFlags(),
        tensorflow,
        CheckSuite.VERSION,
        LocalDate.now().toString(),
        rows,
        crash);
  }

  /**
   * {@code onednn_verbose,[timestamp,]primitive,exec,cpu,<kind>,<implementation>,...} to {@code
   * <implementation>} for the primitives that compute (reorders only change layout); null for other
   * lines.
   */
  static String primitive(String line) {
    String[] f = line.split(",");
    for (int i = 0; i + 3 < f.length; i++) {
      if (f[i].equals("exec") && f[i + 1].equals("cpu")) {
        String kind = f[i + 2];
        String impl = f[i + 3];
        if (kind.equals("reorder")) {
          return null;
        }
        return kind.equals("gemm_api") ? "gemm" : impl.isEmpty() ? kind : impl;
      }
    }
    return null;
  }

  private static CheckResult readResult(String json) {
    try {
      return NumericsJson.MAPPER.readValue(json, CheckResult.class);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable check result: " + json, e);
    }
  }

  private static String signal(int status) {
    return switch (status) {
      case 134 -> " (SIGABRT: the process aborted)";
      case 139 -> " (SIGSEGV: the process crashed)";
      case 137 -> " (SIGKILL)";
      default -> "";
    };
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover temporary folder is harmless
    }
  }
}
