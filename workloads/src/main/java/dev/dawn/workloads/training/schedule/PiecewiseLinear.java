package dev.dawn.workloads.training.schedule;

import java.util.List;

/**
 * Linear interpolation between knots (epoch, value), constant before the first and after the last
 * knot ({@code numpy.interp}, as in Page's cifar10-fast one-cycle: epochs [0, 5, 24] → lr [0, 0.4,
 * 0]). Usable for the learning rate or for a cyclic momentum.
 */
public record PiecewiseLinear(List<Knot> knots) implements LearningRateSchedule, MomentumSchedule {

  /** One corner of the schedule. */
  public record Knot(double epoch, double value) {
    public Knot {
      ScheduleChecks.finite("piecewise_linear", "epoch", epoch);
      ScheduleChecks.finite("piecewise_linear", "value", value);
    }
  }

  public PiecewiseLinear {
    knots = List.copyOf(knots);
    if (knots.isEmpty()) {
      throw new IllegalArgumentException("piecewise_linear: needs at least one knot");
    }
    for (int i = 1; i < knots.size(); i++) {
      if (!(knots.get(i).epoch() > knots.get(i - 1).epoch())) {
        throw new IllegalArgumentException(
            "piecewise_linear: epochs must be strictly increasing, but knot "
                + i
                + " is at epoch "
                + knots.get(i).epoch()
                + " after "
                + knots.get(i - 1).epoch());
      }
    }
  }

  /**
   * Knots from parallel arrays, e.g. {@code of(new double[] {0, 5, 24}, new double[] {0, 0.4, 0})}.
   */
  public static PiecewiseLinear of(double[] epochs, double[] values) {
    if (epochs.length != values.length) {
      throw new IllegalArgumentException(
          "piecewise_linear: "
              + epochs.length
              + " epochs but "
              + values.length
              + " values; they must pair up");
    }
    Knot[] knots = new Knot[epochs.length];
    for (int i = 0; i < epochs.length; i++) {
      knots[i] = new Knot(epochs[i], values[i]);
    }
    return new PiecewiseLinear(List.of(knots));
  }

  @Override
  public double at(double epoch) {
    Knot first = knots.get(0);
    if (epoch <= first.epoch()) {
      return first.value();
    }
    for (int i = 1; i < knots.size(); i++) {
      Knot right = knots.get(i);
      if (epoch <= right.epoch()) {
        Knot left = knots.get(i - 1);
        double fraction = (epoch - left.epoch()) / (right.epoch() - left.epoch());
        return left.value() + (right.value() - left.value()) * fraction;
      }
    }
    return knots.get(knots.size() - 1).value();
  }
}
