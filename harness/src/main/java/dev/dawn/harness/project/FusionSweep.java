package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Projected time to the target as the fusion threshold varies: 0 (one message per tensor) and 1 KiB
 * .. max doubling.
 */
public final class FusionSweep {
  /** One threshold: its fusion buckets (messages per step) and the projected hours. */
  public record Point(long thresholdBytes, int messages, double hours) {}

  private FusionSweep() {}

  /** 0, then 1 KiB, 2 KiB, ... doubling up to {@code maxBytes}. */
  public static List<Long> thresholds(long maxBytes) {
    List<Long> out = new ArrayList<>(List.of(0L));
    for (long t = 1024; t <= maxBytes; t *= 2) out.add(t);
    return out;
  }

  public static List<Point> run(
      RecipePlan plan,
      ClusterFiles files,
      int devices,
      List<Long> gradientElements,
      List<Long> thresholds,
      int lastEpoch) {
    List<Point> out = new ArrayList<>();
    String name = files.device().spec().name();
    for (long t : thresholds) {
      StepModel model = files.model(devices, gradientElements, t);
      out.add(
          new Point(
              t,
              model.messages(),
              Projection.of(plan, model, name, devices, lastEpoch).totalHours()));
    }
    return out;
  }
}
