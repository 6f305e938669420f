package dev.dawn.harness.cli;

import dev.dawn.harness.numerics.DoctorTable;
import dev.dawn.harness.numerics.IsaCaps;
import dev.dawn.harness.numerics.NumericsCache;
import dev.dawn.harness.numerics.NumericsReport;
import dev.dawn.harness.numerics.NumericsSetting;
import dev.dawn.harness.numerics.PrecisionVerdict;
import dev.dawn.harness.run.MachineEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check that this host computes every precision dawn offers (fp32, bf16, fp16, int8) correctly, in "
          + "seconds, before a benchmark trusts it. Each check runs dawn's own graph of an op (3x3, 1x1 and "
          + "strided convs with bias and ReLU, pooling, the residual add, the classifier's matmul, the INT8 "
          + "kernels) or of a whole small ResNet, and compares every layer with a reference computed in double "
          + "precision in Java, against the error the precision's arithmetic allows (bf16: 2^-8 per rounding).",
      "Prints one row per check (the oneDNN kernel that ran, the largest error, its bound, their ratio: at most 1 "
          + "when correct) and one verdict per precision: CORRECT; ROUTED (the default path is wrong and dawn "
          + "takes one that is right, e.g. 7-bit INT8 weights where 8-bit ones saturate); BROKEN (dawn train, "
          + "throughput and infer refuse that precision, or rerun with oneDNN off where that is right); "
          + "UNAVAILABLE.",
      "By default checks the setting dawn runs under (oneDNN on, as bin/dawn sets it) and oneDNN off. Results "
          + "are cached per CPU, TensorFlow and dawn build under <results>/cache/numerics/, where training and "
          + "inference read them. Exit 0 when every precision is CORRECT or ROUTED under the setting dawn runs "
          + "under, 1 otherwise."
    })
final class DoctorCommand implements Callable<Integer> {
  @Option(
      names = "--onednn",
      paramLabel = "on|off|both",
      defaultValue = "both",
      description = "Which oneDNN settings to check (default ${DEFAULT-VALUE}).")
  String oneDnn;

  @Option(
      names = "--isa",
      paramLabel = "CAP[,CAP...]|all",
      split = ",",
      description =
          "Also check with oneDNN capped to these instruction sets (ONEDNN_MAX_CPU_ISA), to see what a "
              + "CPU of that generation computes: AVX2, AVX512_CORE, AVX512_CORE_VNNI, AVX512_CORE_BF16, "
              + "AVX512_CORE_AMX, or 'all' for every cap this CPU allows.")
  List<String> isa = List.of();

  @Option(names = "--refresh", description = "Check again even when a cached report exists.")
  boolean refresh;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      defaultValue = "results",
      description =
          "The results folder whose cache/numerics/ keeps the reports (default ${DEFAULT-VALUE}).")
  Path results;

  @Override
  public Integer call() {
    List<NumericsSetting> settings = settings();
    NumericsCache cache = NumericsCache.under(results);
    String tf = org.tensorflow.TensorFlow.version();
    System.out.println(
        "host: "
            + MachineEnvironment.cpuModel()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, flags "
            + MachineEnvironment.cpuFlags()
            + ", TensorFlow "
            + tf);
    List<NumericsReport> reports = new ArrayList<>();
    for (NumericsSetting s : settings) {
      NumericsReport r = refresh ? cache.refresh(s, tf) : cache.report(s, tf);
      reports.add(r);
      System.out.println();
      System.out.print(DoctorTable.render(r));
      System.out.println("(report: " + cache.file(s, tf) + ")");
    }
    NumericsSetting dawnRunsUnder = NumericsSetting.current().withOneDnn(true);
    boolean good = true;
    for (NumericsReport r : reports) {
      if (!r.setting().equals(dawnRunsUnder)) {
        continue;
      }
      for (String p : PrecisionVerdict.PRECISIONS) {
        good &= PrecisionVerdict.of(r, p).usable();
      }
    }
    System.out.println();
    System.out.println(
        good
            ? "every precision computes right as dawn runs it (" + dawnRunsUnder.label() + ")"
            : "some precision computes wrong as dawn runs it ("
                + dawnRunsUnder.label()
                + "): see the verdicts above");
    return good ? 0 : 1;
  }

  private List<NumericsSetting> settings() {
    String cap = NumericsSetting.current().isaCap();
    List<NumericsSetting> out = new ArrayList<>();
    switch (oneDnn) {
      case "on" -> out.add(new NumericsSetting(true, cap));
      case "off" -> out.add(new NumericsSetting(false, cap));
      case "both" -> {
        out.add(new NumericsSetting(true, cap));
        out.add(new NumericsSetting(false, cap));
      }
      default ->
          throw new BadInputException("--onednn must be on, off or both, got '" + oneDnn + "'");
    }
    List<String> allowed = IsaCaps.allowedBy(dev.dawn.workloads.inference.CpuFlags.read());
    for (String c : isa) {
      List<String> caps = c.equalsIgnoreCase("all") ? allowed : List.of(c.toUpperCase());
      for (String one : caps) {
        if (!IsaCaps.names().contains(one)) {
          throw new BadInputException(
              "--isa: unknown cap '" + c + "'; one of " + IsaCaps.names() + " or all");
        }
        if (!allowed.contains(one)) {
          throw new BadInputException(
              "--isa: this CPU cannot run " + one + " (it allows " + allowed + ")");
        }
        out.add(new NumericsSetting(true, one));
      }
    }
    return out;
  }
}
