package dev.dawn.workloads.training.schedule;

/** Argument checks shared by the schedule records; messages name the schedule and the field. */
final class ScheduleChecks {

  private ScheduleChecks() {}

  static double finite(String schedule, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          schedule + ": " + field + " must be a finite number, got " + value);
    }
    return value;
  }

  static double nonNegative(String schedule, String field, double value) {
    finite(schedule, field, value);
    if (value < 0) {
      throw new IllegalArgumentException(schedule + ": " + field + " must be >= 0, got " + value);
    }
    return value;
  }

  static double positive(String schedule, String field, double value) {
    finite(schedule, field, value);
    if (value <= 0) {
      throw new IllegalArgumentException(schedule + ": " + field + " must be > 0, got " + value);
    }
    return value;
  }
}
