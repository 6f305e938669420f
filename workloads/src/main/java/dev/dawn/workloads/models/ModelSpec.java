package dev.dawn.workloads.models;

import dev.dawn.workloads.models.arch.Architectures;
import dev.dawn.workloads.models.arch.NetDescription;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What network to build.
 *
 * @param architecture {@code resnet18}, {@code resnet34}, {@code resnet50}, {@code resnet9} (Page's
 *     CIFAR net) or {@code airbench94} (Keller Jordan's CIFAR net); see {@link Architectures}
 * @param numClasses width of the classifier
 * @param widthMultiplier scales every channel count; 1.0 gives the published widths
 * @param variant Bag-of-Tricks tweak level for the ImageNet ResNets, cumulative as in the paper:
 *     {@code A} (original, stride on the first 1x1), {@code B} (stride on the 3x3, "v1.5"), {@code
 *     C} (B + three 3x3 stem convs), {@code D} (C + 2x2 average pool before the 1x1 shortcut conv).
 *     {@code null} picks {@link #DEFAULT_RESNET_VARIANT}; ResNet-9 and airbench94 have no variants
 *     and keep {@code null}.
 * @param dataFormat activation layout; {@code null} picks {@link #DEFAULT_DATA_FORMAT}
 * @param channels output channels of individual convs by layer name (e.g. {@code layer2}, {@code
 *     stage1_block1.a}), overriding published width x multiplier; how a pruned model is rebuilt.
 *     Empty (or {@code null}) = no overrides. Names and which convs may be narrowed are checked by
 *     {@link ConvWidths#of}.
 */
public record ModelSpec(
    String architecture,
    int numClasses,
    double widthMultiplier,
    String variant,
    DataFormat dataFormat,
    Map<String, Integer> channels) {

  /** Every architecture {@link Architectures} describes. */
  public static final Set<String> ARCHITECTURES = Architectures.NAMES;

  public static final Set<String> RESNET_VARIANTS = Set.of("A", "B", "C", "D");

  /** v1.5, which MLPerf requires and the DAWNBench ResNet-50 records use. */
  public static final String DEFAULT_RESNET_VARIANT = "B";

  /**
   * NHWC. On the CPU, TF 2.18's Eigen conv and pooling kernels reject NCHW ("only supports NHWC");
   * with oneDNN ({@code TF_ENABLE_ONEDNN_OPTS=1}) NCHW trains but measured about 2x slower than
   * NHWC (ResNet-9 x0.25, 32 px, b128).
   */
  public static final DataFormat DEFAULT_DATA_FORMAT = DataFormat.NHWC;

  public ModelSpec {
    if (architecture == null || !ARCHITECTURES.contains(architecture.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "model architecture '" + architecture + "' must be one of " + ARCHITECTURES);
    }
    architecture = architecture.toLowerCase(Locale.ROOT);
    if (numClasses < 2) {
      throw new IllegalArgumentException("model numClasses must be >= 2, got " + numClasses);
    }
    if (!(widthMultiplier > 0) || Double.isInfinite(widthMultiplier)) {
      throw new IllegalArgumentException(
          "model widthMultiplier must be a positive finite number, got " + widthMultiplier);
    }
    if (!Architectures.hasVariants(architecture)) {
      if (variant != null && !variant.isBlank()) {
        throw new IllegalArgumentException(
            "model variant '"
                + variant
                + "' is not allowed for "
                + architecture
                + " (it has no B/C/D tweaks)");
      }
      variant = null;
    } else {
      variant =
          variant == null || variant.isBlank()
              ? DEFAULT_RESNET_VARIANT
              : variant.trim().toUpperCase(Locale.ROOT);
      if (!RESNET_VARIANTS.contains(variant)) {
        throw new IllegalArgumentException(
            "model variant '" + variant + "' must be one of " + RESNET_VARIANTS);
      }
    }
    dataFormat = dataFormat == null ? DEFAULT_DATA_FORMAT : dataFormat;
    Map<String, Integer> copy = new LinkedHashMap<>();
    if (channels != null) {
      for (Map.Entry<String, Integer> e : channels.entrySet()) {
        if (e.getKey() == null || e.getValue() == null || e.getValue() < 1) {
          throw new IllegalArgumentException(
              "model channels of conv '" + e.getKey() + "' must be >= 1, got " + e.getValue());
        }
        copy.put(e.getKey(), e.getValue());
      }
    }
    channels = java.util.Collections.unmodifiableMap(copy);
  }

  /** Published widths per conv (no channel overrides). */
  public ModelSpec(
      String architecture,
      int numClasses,
      double widthMultiplier,
      String variant,
      DataFormat dataFormat) {
    this(architecture, numClasses, widthMultiplier, variant, dataFormat, Map.of());
  }

  /** Published widths, default variant and layout. */
  public static ModelSpec of(String architecture, int numClasses) {
    return new ModelSpec(architecture, numClasses, 1.0, null, null);
  }

  /**
   * The layer structure of this network at its published widths x multiplier (no per-conv
   * overrides).
   */
  public NetDescription description() {
    return Architectures.describe(
        architecture, new Architectures.Params(variant, this::width, numClasses));
  }

  /** Scales a published channel count, keeping at least one channel. */
  public int width(int publishedChannels) {
    return Math.max(1, (int) Math.round(publishedChannels * widthMultiplier));
  }

  ModelSpec withDataFormat(DataFormat format) {
    return new ModelSpec(architecture, numClasses, widthMultiplier, variant, format, channels);
  }

  /** The same network with these per-conv output channels (replacing any earlier overrides). */
  public ModelSpec withChannels(Map<String, Integer> convChannels) {
    return new ModelSpec(
        architecture, numClasses, widthMultiplier, variant, dataFormat, convChannels);
  }
}
