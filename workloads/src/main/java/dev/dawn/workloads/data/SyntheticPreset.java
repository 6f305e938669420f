package dev.dawn.workloads.data;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How hard the synthetic images are to classify, as painter knobs. {@link #STANDARD} is the
 * original set (the bench-train recipe reaches 93% top-5 in two epochs). {@link #HARD} keeps the
 * same 100 shape x texture classes but makes them differ in finer ways: smaller objects, weaker
 * contrast between the two texture colours, stronger clutter and noise, a smaller look-alike object
 * of a random class behind the object and a bar occluding part of it, so that a recipe needs
 * several epochs and recipes can be told apart. Harder settings (two distractors and two occluders,
 * contrast 0.55) left the recipe at chance for three epochs.
 */
public enum SyntheticPreset {
  STANDARD(0.45, 0.40, 1.0, 0.28, 7.0, 0, 0),
  HARD(0.42, 0.40, 0.85, 0.32, 9.0, 1, 1);

  /** Smallest object diameter as a fraction of the image side. */
  final double minScale;

  /** Random extra diameter on top of {@link #minScale}, as a fraction of the side. */
  final double scaleRange;

  /** Fraction of the colour difference between the two texture colours that is painted. */
  final double textureContrast;

  /** Opacity of background lines and blobs. */
  final double clutterAlpha;

  /** Standard deviation of the per-pixel noise, in 0..255 units. */
  final double noiseSigma;

  /** Smaller textured shapes of random classes painted behind the object. */
  final int distractors;

  /** Clutter-coloured bars painted over the object. */
  final int occluders;

  SyntheticPreset(
      double minScale,
      double scaleRange,
      double textureContrast,
      double clutterAlpha,
      double noiseSigma,
      int distractors,
      int occluders) {
    this.minScale = minScale;
    this.scaleRange = scaleRange;
    this.textureContrast = textureContrast;
    this.clutterAlpha = clutterAlpha;
    this.noiseSigma = noiseSigma;
    this.distractors = distractors;
    this.occluders = occluders;
  }

  /** The name used in configs and manifest.json. */
  @JsonValue
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return configName();
  }

  public static SyntheticPreset fromConfigName(String name) {
    for (SyntheticPreset p : values()) {
      if (p.configName().equals(name)) return p;
    }
    throw new IllegalArgumentException(
        "preset must be one of "
            + Arrays.stream(values()).map(SyntheticPreset::configName).toList()
            + ", got '"
            + name
            + "'");
  }
}
