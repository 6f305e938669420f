package dev.dawn.harness.numerics;

import dev.dawn.workloads.numerics.CheckResult;
import java.util.List;
import java.util.Locale;

/** {@code dawn doctor}'s text: one row per check, then one verdict per precision. */
public final class DoctorTable {
  private DoctorTable() {}

  public static String render(NumericsReport r) {
    StringBuilder s = new StringBuilder();
    s.append("== ")
        .append(r.setting().label())
        .append(" | ")
        .append(r.cpuModel())
        .append(" ")
        .append(r.cpuFlags())
        .append(" | TensorFlow ")
        .append(r.tensorflow())
        .append(" | checked ")
        .append(r.date())
        .append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "%-28s %-50s %-30s %10s %10s %8s  %s%n",
            "check",
            "op",
            "kernel",
            "max error",
            "bound",
            "ratio",
            "verdict"));
    for (CheckRow row : r.rows()) {
      CheckResult c = row.result();
      s.append(
          String.format(
              Locale.ROOT,
              "%-28s %-50s %-30s %10.3g %10.3g %8.3g  %s%n",
              c.id(),
              clip(c.op() + (c.variant().isEmpty() ? "" : " (" + c.variant() + ")"), 50),
              clip(row.kernels(), 30),
              c.maxError(),
              c.bound(),
              c.ratio(),
              verdict(c)));
    }
    r.crashLine().ifPresent(c -> s.append("CRASH: ").append(c).append('\n'));
    for (String p : PrecisionVerdict.PRECISIONS) {
      PrecisionVerdict v = PrecisionVerdict.of(r, p);
      s.append(String.format(Locale.ROOT, "%-5s %-11s %s%n", p, v.status(), v.detail()));
    }
    return s.toString();
  }

  private static String verdict(CheckResult c) {
    if (c.passed()) {
      return "ok";
    }
    if (c.worstAt().startsWith("error: ")) {
      return "FAILED (" + c.worstAt() + ")";
    }
    String where = c.firstBeyondBound().isEmpty() ? c.worstAt() : c.firstBeyondBound();
    return "WRONG at " + where + (c.repeatable() ? "" : ", not repeatable");
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }

  /** The CPU flags and settings line printed before the tables. */
  public static String header(List<NumericsReport> reports) {
    return reports.isEmpty()
        ? ""
        : "host: " + reports.get(0).cpuModel() + ", flags " + reports.get(0).cpuFlags();
  }
}
