package dev.dawn.workloads.models.arch;

import static dev.dawn.workloads.inference.net.Activation.GELU;
import static dev.dawn.workloads.inference.net.Activation.NONE;
import static dev.dawn.workloads.inference.net.Activation.RELU;
import static dev.dawn.workloads.models.arch.Norm.BATCH_NORM;
import static dev.dawn.workloads.models.arch.Norm.BATCH_NORM_FIXED_SCALE;
import static dev.dawn.workloads.models.arch.Norm.BATCH_NORM_ZERO_INIT;

import dev.dawn.workloads.inference.net.Padding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Every architecture dawn can build, each described once. Adding an architecture means naming it in
 * {@link Architecture} (the one list of names configs accept) and adding its description method and
 * one line to {@link #TABLE} here; training, folding, INT8, pruning, FLOP counts and export follow
 * from it.
 */
public final class Architectures {
  /** What a description is built from. */
  public record Params(String variant, IntUnaryOperator width, int classes) {}

  /**
   * @param bnDecay the moving-average decay of every batch norm (TF convention: 1 - PyTorch
   *     momentum)
   */
  private record Entry(
      boolean variants,
      float bnDecay,
      java.util.function.BiFunction<String, Params, List<Layer>> layers) {}

  /** PyTorch's default BN momentum 0.1. */
  private static final float DEFAULT_BN_DECAY = 0.9f;

  private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

  static {
    TABLE.put(
        Architecture.RESNET9.configName(),
        new Entry(false, DEFAULT_BN_DECAY, (a, p) -> resNet9(p)));
    TABLE.put(
        Architecture.RESNET18.configName(),
        new Entry(true, DEFAULT_BN_DECAY, Architectures::resNet));
    TABLE.put(
        Architecture.RESNET34.configName(),
        new Entry(true, DEFAULT_BN_DECAY, Architectures::resNet));
    TABLE.put(
        Architecture.RESNET50.configName(),
        new Entry(true, DEFAULT_BN_DECAY, Architectures::resNet));
    // airbench's BN momentum 0.4
    TABLE.put(
        Architecture.AIRBENCH94.configName(), new Entry(false, 0.6f, (a, p) -> airbench94(p)));
    if (!TABLE.keySet().equals(Set.copyOf(Architecture.configNames()))) {
      throw new IllegalStateException(
          "every Architecture needs a description: "
              + Architecture.configNames()
              + " vs "
              + TABLE.keySet());
    }
  }

  /** Architecture names as configs spell them. */
  public static final Set<String> NAMES = Collections.unmodifiableSet(TABLE.keySet());

  private static final int[] RESNET_STAGE_WIDTHS = {64, 128, 256, 512};
  private static final int BOTTLENECK_EXPANSION = 4;

  private Architectures() {}

  /** Whether the architecture takes a Bag-of-Tricks variant (A-D); the others have none. */
  public static boolean hasVariants(String architecture) {
    return entry(architecture).variants();
  }

  /**
   * @param params the variant (A-D for the ImageNet ResNets, null otherwise), width scaling and
   *     class count
   */
  public static NetDescription describe(String architecture, Params params) {
    Entry e = entry(architecture);
    return new NetDescription(architecture, e.bnDecay(), e.layers().apply(architecture, params));
  }

  private static Entry entry(String architecture) {
    Entry e = TABLE.get(architecture);
    if (e == null) {
      throw new IllegalArgumentException(
          "model architecture '" + architecture + "' must be one of " + NAMES);
    }
    return e;
  }

  /**
   * ImageNet ResNet-18/34 (basic blocks) and ResNet-50 (bottlenecks, x4 expansion) with the
   * Bag-of-Tricks tweaks, cumulative: A the original (stride on the first 1x1), B the stride on the
   * 3x3 ("v1.5"), C three 3x3 stem convs, D a 2x2 average pool before a stride-1 shortcut conv. The
   * last BN of every branch starts at zero scale. A block has a projection shortcut where it
   * changes stride or width (on the published widths, so pruning never adds or drops one).
   */
  private static List<Layer> resNet(String architecture, Params p) {
    String variant = p.variant();
    boolean bottleneck = architecture.equals("resnet50");
    int[] depths =
        architecture.equals("resnet18") ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    boolean strideOn3x3 = !variant.equals("A");
    boolean averageDown = variant.equals("D");
    List<Layer> layers = new ArrayList<>();
    int channels = p.width().applyAsInt(64);
    if (variant.equals("C") || variant.equals("D")) {
      layers.add(Conv.same("stem1", 3, p.width().applyAsInt(32), 2, BATCH_NORM, RELU));
      layers.add(Conv.same("stem2", 3, p.width().applyAsInt(32), 1, BATCH_NORM, RELU));
      layers.add(Conv.same("stem3", 3, channels, 1, BATCH_NORM, RELU));
    } else {
      layers.add(Conv.same("stem", 7, channels, 2, BATCH_NORM, RELU));
    }
    layers.add(Pool.max(3, 2, Padding.SAME));
    for (int stage = 0; stage < depths.length; stage++) {
      int width = p.width().applyAsInt(RESNET_STAGE_WIDTHS[stage]);
      int out = bottleneck ? width * BOTTLENECK_EXPANSION : width;
      for (int i = 0; i < depths[stage]; i++) {
        int stride = stage > 0 && i == 0 ? 2 : 1;
        String name = "stage" + (stage + 1) + "_block" + (i + 1);
        List<Conv> main =
            bottleneck
                ? List.of(
                    Conv.same(name + ".a", 1, width, strideOn3x3 ? 1 : stride, BATCH_NORM, RELU),
                    Conv.same(name + ".b", 3, width, strideOn3x3 ? stride : 1, BATCH_NORM, RELU),
                    Conv.same(name + ".c", 1, out, 1, BATCH_NORM_ZERO_INIT, NONE))
                : List.of(
                    Conv.same(name + ".a", 3, width, stride, BATCH_NORM, RELU),
                    Conv.same(name + ".b", 3, out, 1, BATCH_NORM_ZERO_INIT, NONE));
        Shortcut shortcut = null;
        if (stride != 1 || channels != out) {
          boolean pool = averageDown && stride > 1;
          shortcut =
              new Shortcut(
                  pool ? new Pool(PoolKind.AVG, stride, stride, Padding.SAME) : null,
                  Conv.same(name + ".shortcut", 1, out, pool ? 1 : stride, BATCH_NORM, NONE));
        }
        layers.add(new Residual(name, main, shortcut, RELU));
        channels = out;
      }
    }
    layers.add(new GlobalPool(PoolKind.AVG));
    layers.add(new Classifier("classifier", p.classes(), true, 1f));
    return layers;
  }

  /**
   * Page / Myrtle ResNet-9, the DAWNBench CIFAR-10 entry: prep 64, layer1 128 + residual, layer2
   * 256, layer3 512 + residual, global max pool, bias-free linear layer scaled by 1/8. Conv -> BN
   * -> ReLU -> pool as in the original; the residual is {@code x +
   * relu(bn(conv(relu(bn(conv(x))))))} with nothing after the add.
   */
  private static List<Layer> resNet9(Params p) {
    IntUnaryOperator w = p.width();
    List<Layer> layers = new ArrayList<>();
    layers.add(Conv.same("prep", 3, w.applyAsInt(64), 1, BATCH_NORM, RELU));
    layers.add(Conv.same("layer1", 3, w.applyAsInt(128), 1, BATCH_NORM, RELU));
    layers.add(Pool.max(2, 2, Padding.SAME));
    layers.add(resNet9Residual("layer1_res", w.applyAsInt(128)));
    layers.add(Conv.same("layer2", 3, w.applyAsInt(256), 1, BATCH_NORM, RELU));
    layers.add(Pool.max(2, 2, Padding.SAME));
    layers.add(Conv.same("layer3", 3, w.applyAsInt(512), 1, BATCH_NORM, RELU));
    layers.add(Pool.max(2, 2, Padding.SAME));
    layers.add(resNet9Residual("layer3_res", w.applyAsInt(512)));
    layers.add(new GlobalPool(PoolKind.MAX));
    layers.add(new Classifier("classifier", p.classes(), false, 0.125f));
    return layers;
  }

  private static Residual resNet9Residual(String name, int width) {
    return new Residual(
        name,
        List.of(
            Conv.same(name + "_a", 3, width, 1, BATCH_NORM, RELU),
            Conv.same(name + "_b", 3, width, 1, BATCH_NORM, RELU)),
        null,
        NONE);
  }

  /**
   * Keller Jordan's airbench94 CIFAR-10 net: a 2x2 VALID conv 3 -> 24 with bias and GELU (airbench
   * freezes it at patch-whitening weights; here it trains as a normal conv from a He init), then
   * three conv groups of widths 64, 256, 256, each conv3x3 -> max pool 2 -> BN -> GELU -> conv3x3
   * -> BN -> GELU without residuals, BN scales fixed at 1, then a global max pool (airbench's 3x3
   * max pool at 32 px) and a bias-free linear layer scaled by 1/9. Pools are VALID, as PyTorch's
   * floor mode: 32 -> 31 -> 15 -> 7 -> 3 px. The whitening width (twice the 12 values of a 2x2x3
   * patch) does not scale with the width multiplier.
   */
  private static List<Layer> airbench94(Params p) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Conv("whiten", 2, 24, 1, Padding.VALID, null, Norm.BIAS, GELU));
    int[] widths = {64, 256, 256};
    for (int g = 0; g < widths.length; g++) {
      int width = p.width().applyAsInt(widths[g]);
      String name = "group" + (g + 1);
      layers.add(
          new Conv(
              name + ".a",
              3,
              width,
              1,
              Padding.SAME,
              Pool.max(2, 2, Padding.VALID),
              BATCH_NORM_FIXED_SCALE,
              GELU));
      layers.add(
          new Conv(name + ".b", 3, width, 1, Padding.SAME, null, BATCH_NORM_FIXED_SCALE, GELU));
    }
    layers.add(new GlobalPool(PoolKind.MAX));
    layers.add(new Classifier("classifier", p.classes(), false, 1f / 9));
    return layers;
  }
}
