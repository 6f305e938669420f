package dev.dawn.harness.sweep;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.project.ConfigRecipe;
import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.project.HardwareSpec;
import dev.dawn.harness.project.ModelArithmetic;
import dev.dawn.harness.project.ModelGradients;
import dev.dawn.harness.project.NetworkSpec;
import dev.dawn.harness.project.Projection;
import dev.dawn.harness.project.ProjectionFile;
import dev.dawn.harness.project.ProjectionFileException;
import dev.dawn.harness.project.SoftwareStack;
import dev.dawn.harness.project.StackFile;
import dev.dawn.harness.project.StepModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a sweep plans to train, known before its first run: every run trained to its epoch
 * budget - an upper bound, as a run stops at the target - projected with {@code dawn project}'s
 * step model on one device of the CPU hardware file (a {@code dawn throughput} measurement), its
 * images/s scaled from the network it was measured on to each run's by multiply-adds per image.
 * Evaluation and each run's start-up are not counted.
 */
public final class PlannedTime {
  /** The hardware file the projection uses, in {@code --hardware-dir}'s default folder. */
  public static final String HARDWARE = "cpu";

  /**
   * A run trains on one device: nothing is all-reduced, so no network figure enters the projection
   * (these stand in for the step model's arguments).
   */
  private static final NetworkSpec ONE_DEVICE =
      new NetworkSpec(
          "none: one device",
          new NetworkSpec.Network(1, 1, 0),
          new NetworkSpec.Communication("ring", 0),
          new NetworkSpec.Fit(List.of(), List.of(), List.of()));

  private PlannedTime() {}

  /**
   * @return the planned hours, or empty when the CPU hardware or stack file is not there (dawn runs
   *     outside its checkout)
   */
  public static Optional<Double> hours(SweepSpec spec, SweepPlan plan) {
    return hours(spec, plan, HardwareFile.DEFAULT_DIR, StackFile.DEFAULT_DIR);
  }

  static Optional<Double> hours(SweepSpec spec, SweepPlan plan, Path hardwareDir, Path stackDir) {
    if (!Files.isRegularFile(hardwareDir.resolve(HARDWARE + ".yaml"))) return Optional.empty();
    ProjectionFile<HardwareSpec> cpu;
    SoftwareStack stack;
    try {
      cpu = HardwareFile.load(HARDWARE, hardwareDir, List.of());
      var own = StackFile.load(cpu.spec().device().stack(), stackDir);
      stack = SoftwareStack.on(own, own);
    } catch (ProjectionFileException e) {
      return Optional.empty();
    }
    HardwareSpec.Device device = cpu.spec().device();
    ConfigLoader loader = new ConfigLoader();
    double hours = 0;
    for (SweepCell cell : plan.cells()) {
      var recipe =
          ConfigRecipe.of(SweepValidation.config(loader, spec, cell, 1, plan.firstSeed()).config());
      double imagesPerSecond = ModelArithmetic.imagesPerSecond(device, recipe.model());
      HardwareSpec hw =
          cpu.with(
                  List.of(
                      String.format(Locale.ROOT, "device.imagesPerSecond=%.6g", imagesPerSecond)))
              .spec();
      StepModel model =
          new StepModel(
              hw,
              ONE_DEVICE,
              stack,
              1,
              ModelGradients.elementCounts(recipe.model()),
              stack.fusionThresholdBytes());
      hours += Projection.of(recipe.plan(), model, HARDWARE, 1, 0).totalHours() * plan.repeats();
    }
    return Optional.of(hours);
  }
}
