package dev.dawn.harness.project;

import dev.dawn.harness.config.ConfigLoader;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.harness.train.TrainingParts;
import dev.dawn.workloads.models.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the projection reads a training config: its epochs, phases, data set size and
 * model.
 */
public final class ConfigRecipe {
  /** ImageNet-1k (ILSVRC 2012) training images. */
  public static final long IMAGENET_TRAIN_IMAGES = 1_281_167L;

  /** CIFAR-10 training images. */
  public static final long CIFAR10_TRAIN_IMAGES = 50_000L;

  /** A recipe as the projection needs it. */
  public record Loaded(
      RecipePlan plan, ModelSpec model, String targetMetric, double targetAccuracy) {}

  private ConfigRecipe() {}

  public static Loaded load(Path file, String scale, List<String> overrides) {
    return of(new ConfigLoader().load(file, scale, overrides).config());
  }

  /** The recipe of a bound config. */
  public static Loaded of(TrainConfig c) {
    var data = c.data();
    long images;
    int classes;
    switch (data.kind()) {
      case IMAGENET -> {
        images = IMAGENET_TRAIN_IMAGES;
        classes = 1000;
      }
      case CIFAR10 -> {
        images = CIFAR10_TRAIN_IMAGES;
        classes = 10;
      }
      default -> {
        images = (long) data.synthetic().classes() * data.synthetic().trainPerClass();
        classes = data.synthetic().classes();
      }
    }
    List<RecipePlan.EpochPlan> epochs = new ArrayList<>();
    for (int e = 1; e <= c.train().epochs(); e++) {
      TrainConfig.Phase p = c.train().phaseOf(e);
      epochs.add(new RecipePlan.EpochPlan(e, p.resolution(), p.batchSize()));
    }
    ModelSpec spec = TrainingParts.modelSpec(c, classes);
    return new Loaded(
        new RecipePlan(c.name(), images, epochs),
        spec,
        c.train().targetMetric().configName(),
        c.train().targetAccuracy());
  }
}
