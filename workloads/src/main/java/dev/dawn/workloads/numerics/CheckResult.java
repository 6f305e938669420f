package dev.dawn.workloads.numerics;

/**
 * The outcome of one {@link NumericsCheck}, as {@link HostNumericsProbe} prints it (one JSON line)
 * and {@code dawn doctor} reads, tabulates and caches it.
 *
 * @param worstAt the layer with the largest error relative to its bound
 * @param firstBeyondBound the first layer, in graph order, beyond its bound, or empty
 * @param maxError the error at the worst element of {@code worstAt}
 * @param bound the bound at that element
 * @param ratio {@code maxError / bound}: at most 1 for a correct kernel
 * @param repeatable whether repeated runs returned the same bits (and finite gradients)
 * @param passed {@code ratio <= 1} and repeatable
 */
public record CheckResult(
    String id,
    String op,
    String precision,
    String variant,
    String worstAt,
    String firstBeyondBound,
    double maxError,
    double bound,
    double ratio,
    boolean repeatable,
    boolean passed,
    double seconds) {

  static CheckResult of(NumericsCheck check, NetOutcome outcome, double seconds) {
    Deviation worst = outcome.worst();
    return new CheckResult(
        check.id(),
        check.op(),
        check.precision(),
        check.variant(),
        worst.where(),
        outcome.firstBeyondBound().map(Deviation::where).orElse(""),
        worst.maxError(),
        worst.bound(),
        worst.ratio(),
        outcome.repeatable(),
        outcome.correct(),
        seconds);
  }

  /** A check whose graph could not be built or run (a missing kernel, say): failed, with why. */
  static CheckResult failed(NumericsCheck check, RuntimeException e, double seconds) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    why = why.lines().findFirst().orElse("");
    return new CheckResult(
        check.id(),
        check.op(),
        check.precision(),
        check.variant(),
        "error: " + why,
        "",
        Double.NaN,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        false,
        false,
        seconds);
  }
}
