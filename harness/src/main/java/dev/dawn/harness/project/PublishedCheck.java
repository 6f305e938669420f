package dev.dawn.harness.project;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects each published entry from public inputs only (its JSON's phases, its device, network and
 * stack files) to the epoch where its TSV first reaches 93% top-5, and compares with the published
 * hours. Where its files leave figures open (ranges, other devices), the projection also carries
 * the band they allow.
 */
public final class PublishedCheck {
  /** DAWNBench's ImageNet training target. */
  public static final double TARGET_TOP5 = 93.0;

  /** Where an entry's config ({@link PublishedEntry#config}) is looked up by default. */
  public static final Path CONFIG_DIR = Path.of("reference-configs");

  /**
   * One line of the check.
   *
   * @param band the projected hours over the corners of what the files leave open (a point when
   *     nothing is)
   * @param fitted whether a fit calibrated parameters on this entry
   */
  public record Row(
      PublishedEntry entry,
      int targetEpoch,
      double publishedHours,
      Projection projection,
      SoftwareStack stack,
      ClusterFiles.Band band,
      boolean open,
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
  private final Path configDir;
  private final Path hardwareDir;
  private final Path networkDir;
  private final Path stackDir;

  /** Each entry's recipe and target, read once (a fit projects the same entries many times). */
  private final Map<String, RecipePlan> plans = new HashMap<>();

  private final Map<String, TargetEpoch> targets = new HashMap<>();
  private final Map<String, ProjectionFile<StackSpec>> stacks = new HashMap<>();

  public PublishedCheck(
      Path entriesDir, Path configDir, Path hardwareDir, Path networkDir, Path stackDir) {
    this.entriesDir = entriesDir;
    this.configDir = configDir;
    this.hardwareDir = hardwareDir;
    this.networkDir = networkDir;
    this.stackDir = stackDir;
  }

  public List<Row> run(List<PublishedEntry> entries, List<Long> gradientElements) {
    List<Row> rows = new ArrayList<>();
    for (PublishedEntry e : entries) rows.add(project(e, gradientElements, files(e)));
    return rows;
  }

  /** The entry's device (and other devices), network and stack files as committed. */
  public ClusterFiles files(PublishedEntry e) {
    return files(
        e,
        HardwareFile.load(e.hardware(), hardwareDir, List.of()),
        NetworkFile.load(e.network(), networkDir, List.of()));
  }

  /**
   * The entry's files with {@code device} and {@code network} in place of its own (a fit passes
   * candidate parameter values this way).
   */
  public ClusterFiles files(
      PublishedEntry e, ProjectionFile<HardwareSpec> device, ProjectionFile<NetworkSpec> network) {
    ProjectionFile<StackSpec> stack = stack(e.stack());
    List<ClusterFiles> others = new ArrayList<>();
    for (String name : e.otherHardware()) {
      var other = HardwareFile.load(name, hardwareDir, List.of());
      others.add(
          new ClusterFiles(other, stack(other.spec().device().stack()).spec(), network, stack));
    }
    return new ClusterFiles(
        device, stack(device.spec().device().stack()).spec(), network, stack, others);
  }

  /**
   * The entry on {@code files}: the central projection and, where they leave figures open, its
   * band.
   */
  public Row project(PublishedEntry e, List<Long> gradientElements, ClusterFiles files) {
    RecipePlan plan = plan(e);
    TargetEpoch target = target(e);
    Projection p = projection(e, plan, target, gradientElements, files);
    ClusterFiles.Band band =
        files.open()
            ? ClusterFiles.Band.over(
                files, c -> projection(e, plan, target, gradientElements, c).totalHours())
            : new ClusterFiles.Band(p.totalHours(), p.totalHours());
    boolean fitted =
        files.device().spec().fit().entries().contains(e.file())
            || files.network().spec().fit().entries().contains(e.file());
    return new Row(
        e, target.epochs(), target.hours(), p, files.software(), band, files.open(), fitted);
  }

  private static Projection projection(
      PublishedEntry e,
      RecipePlan plan,
      TargetEpoch target,
      List<Long> gradientElements,
      ClusterFiles files) {
    SoftwareStack stack = files.software();
    StepModel model = files.model(e.devices(), gradientElements, stack.fusionThresholdBytes());
    return Projection.of(plan, model, files.device().spec().name(), e.devices(), target.epochs());
  }

  private RecipePlan plan(PublishedEntry e) {
    if (e.config() != null) return plans.computeIfAbsent(e.file(), f -> fromConfig(e).plan());
    Path json = corpus(e, ".json");
    return plans.computeIfAbsent(
        e.file(), f -> SubmissionRecipe.read(json, ConfigRecipe.IMAGENET_TRAIN_IMAGES));
  }

  private TargetEpoch target(PublishedEntry e) {
    if (e.config() != null) {
      return targets.computeIfAbsent(
          e.file(),
          f -> {
            Path path = configDir.resolve(e.config());
            TrainConfig c = config(path);
            Object seconds = c.reference().get("publishedSeconds");
            if (!(seconds instanceof Number n) || !(n.doubleValue() > 0)) {
              throw new IllegalArgumentException(
                  "entry "
                      + e.file()
                      + ": "
                      + path
                      + " needs reference.publishedSeconds, the published time to the target");
            }
            return new TargetEpoch(path, c.train().epochs(), n.doubleValue() / 3600);
          });
    }
    Path tsv = corpus(e, ".tsv");
    return targets.computeIfAbsent(
        e.file(), f -> TargetEpoch.read(tsv, "top5Accuracy", TARGET_TOP5));
  }

  private ConfigRecipe.Loaded fromConfig(PublishedEntry e) {
    return ConfigRecipe.of(config(configDir.resolve(e.config())));
  }

  private static TrainConfig config(Path path) {
    if (!Files.isRegularFile(path))
      throw new IllegalArgumentException("entry config " + path + " is missing");
    return new ConfigLoader().load(path, null, List.of()).config();
  }

  private Path corpus(PublishedEntry e, String extension) {
    Path file = entriesDir.resolve("ImageNet").resolve("train").resolve(e.file() + extension);
    if (!plans.containsKey(e.file()) && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("entry " + e.file() + ": " + file + " is missing");
    }
    return file;
  }

  private ProjectionFile<StackSpec> stack(String name) {
    return stacks.computeIfAbsent(name, n -> StackFile.file(n, stackDir));
  }
}
