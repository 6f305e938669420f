package dev.dawn.harness.project;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The printed form of {@code dawn project check --sweep}: the fitted values and the cells they were
 * fitted on, one row per cell (measured and projected compute, exposed communication and time to
 * target, with the measured median's 95% interval), then the mean absolute errors over the checked
 * cells.
 */
public final class SweepCheckTable {
  private SweepCheckTable() {}

  public static void print(
      SweepCheck.Result result,
      ProjectionFile<HardwareSpec> device,
      ProjectionFile<NetworkSpec> network,
      PrintWriter o) {
    o.printf(
        "model: %s (%s), network %s (%s); fitted on the cells %s:%n",
        device.stem(),
        device.spec().name(),
        network.stem(),
        network.spec().name(),
        result.fitCells());
    result
        .fitted()
        .forEach(
            (k, v) ->
                o.printf(
                    Locale.ROOT,
                    "  %s = %.4g   (file: %.4g)%n",
                    k,
                    v,
                    device.hasNumber(k) ? device.number(k) : network.number(k)));
    o.println(
        "cell  role       values                                                   runs  compute_ms"
            + " meas/proj   exposed_ms meas/proj (error)   time_to_target_s meas [95% CI] / proj (error)");
    for (SweepCheck.Row r : result.rows()) {
      MeasuredCell c = r.cell();
      o.printf(
          Locale.ROOT,
          "%4d  %-9s  %-56s %4d  %8s /%7.1f   %8s /%7.1f (%7s)   %s%n",
          c.cell(),
          r.fitted() ? "fitted" : "predicted",
          values(c.values()),
          c.runs(),
          ms(c.computeMs()),
          r.computeMs(),
          ms(c.exposedMs()),
          r.exposedMs(),
          c.exposedMs() == null
              ? "-"
              : String.format(Locale.ROOT, "%+.1f", r.exposedMs() - c.exposedMs()),
          seconds(r));
    }
    long checked = result.checkedCount();
    o.printf(
        Locale.ROOT,
        "checked cells: %d; exposed communication per step: mean absolute error %s ms; time to"
            + " target: mean absolute error %s s (%s)%n",
        checked,
        result.exposedMeanAbsoluteErrorMs().isPresent()
            ? String.format(Locale.ROOT, "%.1f", result.exposedMeanAbsoluteErrorMs().getAsDouble())
            : "-",
        result.secondsMeanAbsoluteError().isPresent()
            ? String.format(Locale.ROOT, "%.1f", result.secondsMeanAbsoluteError().getAsDouble())
            : "-",
        result.secondsMeanAbsoluteRelativeError().isPresent()
            ? String.format(
                Locale.ROOT,
                "%.1f%%",
                100 * result.secondsMeanAbsoluteRelativeError().getAsDouble())
            : "-");
  }

  private static String values(Map<String, Object> values) {
    StringBuilder s = new StringBuilder();
    values.forEach(
        (k, v) -> {
          if (s.length() > 0) s.append(' ');
          s.append(k.substring(k.lastIndexOf('.') + 1)).append('=').append(v);
        });
    return s.toString();
  }

  private static String ms(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String seconds(SweepCheck.Row r) {
    MeasuredCell c = r.cell();
    String measured =
        c.seconds() == null
            ? "- (median run missed)"
            : String.format(
                Locale.ROOT, "%.1f [%.1f-%.1f]", c.seconds(), c.secondsLow(), c.secondsHigh());
    String projected =
        r.seconds() == null
            ? "- (no fit cell gives its epochs)"
            : String.format(Locale.ROOT, "%.1f", r.seconds());
    String error =
        r.secondsRelativeError().isPresent()
            ? String.format(Locale.ROOT, " (%+.1f%%)", 100 * r.secondsRelativeError().getAsDouble())
            : "";
    return measured + " / " + projected + error;
  }
}
