package dev.dawn.harness.numerics;

import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.numerics.CheckResult;
import dev.dawn.workloads.numerics.Int8Choice;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a report says of one precision under its setting.
 *
 * @param int8Weights for int8 when correct or routed: the weights to quantize with
 * @param detail one clause: the failing check, layer, error against bound and kernels, or how the
 *     precision is routed
 */
public record PrecisionVerdict(
    String precision, Status status, String detail, Int8Weights int8Weights) {
  public enum Status {
    /** Every check of the precision passed. */
    CORRECT,
    /** The default path fails, another in the same process passes and is taken (INT8 7-bit). */
    ROUTED,
    /** Some check failed and nothing in this setting passes. */
    BROKEN,
    /** The precision cannot run in this setting at all (INT8 without oneDNN). */
    UNAVAILABLE
  }

  public static final List<String> PRECISIONS = List.of("fp32", "bf16", "fp16", "int8");

  public boolean usable() {
    return status == Status.CORRECT || status == Status.ROUTED;
  }

  public static PrecisionVerdict of(NumericsReport report, String precision) {
    List<CheckRow> rows = report.rowsOf(precision);
    Optional<String> crashedHere =
        report
            .crashLine()
            .filter(
                c ->
                    c.contains("check " + precision + "/")
                        || c.contains("check " + precision + "-"));
    if (crashedHere.isPresent()) {
      return new PrecisionVerdict(precision, Status.BROKEN, crashedHere.get(), null);
    }
    if (rows.isEmpty()) {
      if (report.crashLine().isPresent()) {
        return new PrecisionVerdict(
            precision, Status.BROKEN, "not checked: " + report.crash(), null);
      }
      return new PrecisionVerdict(
          precision,
          Status.UNAVAILABLE,
          precision + " kernels run only with oneDNN (TF_ENABLE_ONEDNN_OPTS=1)",
          null);
    }
    return precision.equals("int8") ? int8(rows) : floating(precision, rows);
  }

  private static PrecisionVerdict floating(String precision, List<CheckRow> rows) {
    Optional<CheckRow> worst = worstFailure(rows);
    return worst
        .map(r -> new PrecisionVerdict(precision, Status.BROKEN, describe(r), null))
        .orElseGet(
            () -> new PrecisionVerdict(precision, Status.CORRECT, "every check passed", null));
  }

  private static PrecisionVerdict int8(List<CheckRow> rows) {
    Map<Int8Weights, Boolean> passed = new EnumMap<>(Int8Weights.class);
    for (Int8Weights w : Int8Weights.values()) {
      List<CheckRow> of =
          rows.stream().filter(r -> r.result().variant().startsWith(w.label())).toList();
      passed.put(w, !of.isEmpty() && of.stream().allMatch(r -> r.result().passed()));
    }
    Optional<Int8Weights> choice = Int8Choice.choose(passed);
    if (choice.isEmpty()) {
      return new PrecisionVerdict(
          "int8", Status.BROKEN, describe(worstFailure(rows).orElseThrow()), null);
    }
    if (choice.get() == Int8Weights.EIGHT_BIT) {
      return new PrecisionVerdict("int8", Status.CORRECT, "every check passed", choice.get());
    }
    CheckRow failed =
        worstFailure(
                rows.stream()
                    .filter(r -> r.result().variant().startsWith(Int8Weights.EIGHT_BIT.label()))
                    .toList())
            .orElseThrow();
    return new PrecisionVerdict(
        "int8",
        Status.ROUTED,
        "8-bit weights are wrong here ("
            + describe(failed)
            + "; u8 x s8 pair sums overflow int16 on CPUs without VNNI), 7-bit weights pass: using"
            + " 7-bit weights",
        choice.get());
  }

  private static Optional<CheckRow> worstFailure(List<CheckRow> rows) {
    return rows.stream()
        .filter(r -> !r.result().passed())
        .max(Comparator.comparingDouble(r -> severity(r.result())));
  }

  private static double severity(CheckResult r) {
    return Double.isNaN(r.ratio()) ? Double.POSITIVE_INFINITY : r.ratio();
  }

  /** e.g. {@code check bf16/net-resnet9, layer layer1_res: error 0.68 > bound 0.12 (5.7x) ...}. */
  static String describe(CheckRow row) {
    CheckResult r = row.result();
    StringBuilder s = new StringBuilder("check ").append(r.id());
    if (r.worstAt().startsWith("error: ")) {
      return s.append(": ").append(r.worstAt().substring(7)).toString();
    }
    String layer = r.firstBeyondBound().isEmpty() ? r.worstAt() : r.firstBeyondBound();
    s.append(", ").append(layer);
    if (r.ratio() > 1) {
      s.append(
          String.format(
              Locale.ROOT,
              ": error %.3g > bound %.3g (%.1fx)",
              r.maxError(),
              r.bound(),
              r.ratio()));
    }
    if (!r.repeatable()) {
      s.append(": repeated runs returned different bits or non-finite values");
    }
    return s.append(", kernels ").append(row.kernels()).toString();
  }
}
