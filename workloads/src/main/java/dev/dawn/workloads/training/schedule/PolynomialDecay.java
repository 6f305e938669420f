package dev.dawn.workloads.training.schedule;

/**
 * MLPerf/TF polynomial decay: {@code initial} until {@code startEpoch}, then {@code end + (initial
 * − end)·(1 − t/T)^power} with {@code t = epoch − startEpoch}, {@code T = endEpoch − startEpoch},
 * then {@code end}. Google's LARS code: power 2, end 1e-4, start = warmup epochs; Fujitsu: power
 * 2.2.
 */
public record PolynomialDecay(
    double initialLr, double endLr, double power, double startEpoch, double endEpoch)
    implements LearningRateSchedule {

  public PolynomialDecay {
    ScheduleChecks.finite("polynomial", "initial", initialLr);
    ScheduleChecks.finite("polynomial", "end", endLr);
    ScheduleChecks.positive("polynomial", "power", power);
    ScheduleChecks.nonNegative("polynomial", "startEpoch", startEpoch);
    ScheduleChecks.finite("polynomial", "endEpoch", endEpoch);
    if (!(endEpoch > startEpoch)) {
      throw new IllegalArgumentException(
          "polynomial: endEpoch ("
              + endEpoch
              + ") must be greater than startEpoch ("
              + startEpoch
              + ")");
    }
  }

  @Override
  public double at(double epoch) {
    double t = Math.min(Math.max(epoch - startEpoch, 0), endEpoch - startEpoch);
    double remaining = 1 - t / (endEpoch - startEpoch);
    return endLr + (initialLr - endLr) * Math.pow(remaining, power);
  }
}
