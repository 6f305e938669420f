package dev.dawn.harness.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects each published entry from public inputs only (its JSON's phases, its hardware and stack
 * files) to the epoch where its TSV first reaches 93% top-5, and compares with the published hours.
 */
public final class PublishedCheck {
  /** DAWNBench's ImageNet training target. */
  public static final double TARGET_TOP5 = 93.0;

  /** One line of the check. */
  public record Row(
      PublishedEntry entry,
      int targetEpoch,
      double publishedHours,
      Projection projection,
      SoftwareStack stack,
      boolean fitted) {
    public double projectedHours() {
      return projection.totalHours();
    }

    /** (projected - published) / published. */
    public double relativeError() {
      return projectedHours() / publishedHours - 1;
    }
  }

  private final Path entriesDir;
  private final Path hardwareDir;
  private final Path stackDir;

  /** Each entry's files, read once (the fit projects the same entries thousands of times). */
  private final java.util.Map<String, RecipePlan> plans = new java.util.HashMap<>();

  private final java.util.Map<String, TargetEpoch> targets = new java.util.HashMap<>();

  private final java.util.Map<String, StackSpec> stacks = new java.util.HashMap<>();

  public PublishedCheck(Path entriesDir, Path hardwareDir, Path stackDir) {
    this.entriesDir = entriesDir;
    this.hardwareDir = hardwareDir;
    this.stackDir = stackDir;
  }

  public List<Row> run(List<PublishedEntry> entries, List<Long> gradientElements) {
    return run(entries, gradientElements, name -> HardwareFile.load(name, hardwareDir, List.of()));
  }

  /**
   * With the hardware files given by {@code hardware} (the fit passes candidate parameter values
   * this way).
   */
  public List<Row> run(
      List<PublishedEntry> entries,
      List<Long> gradientElements,
      java.util.function.Function<String, HardwareFile> hardware) {
    List<Row> rows = new ArrayList<>();
    for (PublishedEntry e : entries)
      rows.add(project(e, gradientElements, hardware.apply(e.hardware())));
    return rows;
  }

  public Row project(PublishedEntry e, List<Long> gradientElements, HardwareFile hardwareFile) {
    Path base = entriesDir.resolve("ImageNet").resolve("train");
    Path json = base.resolve(e.file() + ".json");
    Path tsv = base.resolve(e.file() + ".tsv");
    if (!plans.containsKey(e.file()) && (!Files.isRegularFile(json) || !Files.isRegularFile(tsv))) {
      throw new IllegalArgumentException(
          "entry " + e.file() + ": " + json + " or its .tsv is missing");
    }
    RecipePlan plan =
        plans.computeIfAbsent(
            e.file(), f -> SubmissionRecipe.read(json, ConfigRecipe.IMAGENET_TRAIN_IMAGES));
    TargetEpoch target =
        targets.computeIfAbsent(e.file(), f -> TargetEpoch.read(tsv, "top5Accuracy", TARGET_TOP5));
    HardwareSpec hw = hardwareFile.with(e.hardwareOverrides()).spec();
    SoftwareStack stack = SoftwareStack.on(stack(e.stack()), stack(hw.device().stack()));
    StepModel model =
        new StepModel(hw, stack, e.devices(), gradientElements, stack.fusionThresholdBytes());
    Projection p = Projection.of(plan, model, hw.name(), e.devices(), target.epochs());
    return new Row(
        e, target.epochs(), target.hours(), p, stack, hw.fit().entries().contains(e.file()));
  }

  private StackSpec stack(String name) {
    return stacks.computeIfAbsent(name, n -> StackFile.load(n, stackDir));
  }
}
