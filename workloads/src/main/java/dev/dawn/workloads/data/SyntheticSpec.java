package dev.dawn.workloads.data;

/**
 * What the synthetic ImageNet-like set contains: {@code classes} shape x texture classes, images
 * stored as {@code imageSize}-pixel square JPEGs painted as hard as {@code preset} says, all
 * derived from {@code seed}.
 */
public record SyntheticSpec(
    int classes,
    int trainPerClass,
    int valPerClass,
    int imageSize,
    long seed,
    SyntheticPreset preset) {
  public static final int DEFAULT_CLASSES = 100;
  public static final int DEFAULT_TRAIN_PER_CLASS = 260;
  public static final int DEFAULT_VAL_PER_CLASS = 50;
  public static final int DEFAULT_IMAGE_SIZE = 40;
  public static final long DEFAULT_SEED = 20171201L;

  /** The standard preset, as the set was before presets existed. */
  public SyntheticSpec(int classes, int trainPerClass, int valPerClass, int imageSize, long seed) {
    this(classes, trainPerClass, valPerClass, imageSize, seed, SyntheticPreset.STANDARD);
  }

  public SyntheticSpec {
    if (preset == null) {
      throw new IllegalArgumentException("preset needs a value");
    }
    if (classes < 1 || classes > SyntheticClass.MAX_CLASSES) {
      throw new IllegalArgumentException(
          "classes must be in 1.."
              + SyntheticClass.MAX_CLASSES
              + " (distinct shape x texture pairs), got "
              + classes);
    }
    if (trainPerClass < 1 || valPerClass < 1) {
      throw new IllegalArgumentException(
          "trainPerClass and valPerClass must be >= 1, got "
              + trainPerClass
              + " and "
              + valPerClass);
    }
    // Below 16 px the 4-px texture periods no longer fit inside the object.
    if (imageSize < 16 || imageSize > 512) {
      throw new IllegalArgumentException("imageSize must be in 16..512 px, got " + imageSize);
    }
  }

  /** The benchmark default: 100 classes, 260 train / 50 val per class, 40-px JPEGs. */
  public static SyntheticSpec defaults() {
    return new SyntheticSpec(
        DEFAULT_CLASSES,
        DEFAULT_TRAIN_PER_CLASS,
        DEFAULT_VAL_PER_CLASS,
        DEFAULT_IMAGE_SIZE,
        DEFAULT_SEED);
  }

  public int imageCount() {
    return classes * (trainPerClass + valPerClass);
  }
}
