package dev.dawn.workloads.training;

/** Correct predictions in one evaluated batch; add them up over a validation pass. */
public record EvalCounts(long top1Correct, long top5Correct, long count) {
  public static final EvalCounts ZERO = new EvalCounts(0, 0, 0);

  public EvalCounts plus(EvalCounts other) {
    return new EvalCounts(
        top1Correct + other.top1Correct, top5Correct + other.top5Correct, count + other.count);
  }

  public double top1() {
    return count == 0 ? Double.NaN : (double) top1Correct / count;
  }

  public double top5() {
    return count == 0 ? Double.NaN : (double) top5Correct / count;
  }
}
