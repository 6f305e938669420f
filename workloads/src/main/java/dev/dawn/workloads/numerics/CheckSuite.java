package dev.dawn.workloads.numerics;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.RandomFoldedNets;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import dev.dawn.workloads.precision.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The checks {@code dawn doctor} runs, as data: the op shapes dawn's nets are made of (3x3, 1x1 and
 * strided convs with bias and ReLU, max and average pooling, the residual add, the global mean and
 * the classifier's matmul), two whole inference nets (ResNet-9, the bench-train model, and
 * ResNet-18-D with its pooled shortcuts) and the same two as training graphs, in fp32, bf16 and
 * fp16; and the INT8 kernels with 8-bit and with 7-bit weights. Small shapes (16 x 16, 16-32
 * channels, batch 2) keep the whole suite to seconds; the kernels are the same ones the full-size
 * nets run.
 */
public final class CheckSuite {
  /** Changes when a check or a bound changes, so cached results of an older suite are rerun. */
  public static final int VERSION = 1;

  private static final long SEED = 7L;
  private static final int HW = 16;
  private static final int C = 16;

  private CheckSuite() {}

  /**
   * @param int8 whether to include the INT8 kernels (they need oneDNN)
   */
  public static List<NumericsCheck> standard(boolean int8) {
    List<NumericsCheck> checks = new ArrayList<>();
    for (Precision p : Precision.values()) {
      ops(p, checks);
    }
    for (Precision p : Precision.values()) {
      nets(p, checks);
    }
    if (int8) {
      for (Int8Weights w : Int8Weights.values()) {
        for (ModelSpec spec : List.of(resnet("resnet9", null), resnet("resnet18", "D"))) {
          String label = label(spec);
          checks.add(
              new NumericsCheck(
                  "int8-" + w.label() + "/net-" + label,
                  label + " INT8 graph, layer by layer",
                  "int8",
                  w.label() + " weights",
                  () -> {
                    FoldedNet net = RandomNets.folded(spec, 32, SEED);
                    Nhwc images = images(32, 3);
                    return Int8NetLayerCheck.run(
                        net,
                        Int8NetLayerCheck.calibrate(net, images),
                        java.util.Set.of(),
                        w,
                        images);
                  }));
        }
        for (Int8Pattern pattern : Int8Pattern.values()) {
          checks.add(
              new NumericsCheck(
                  "int8-" + w.label() + "/" + pattern.name().toLowerCase(java.util.Locale.ROOT),
                  pattern.description(),
                  "int8",
                  w.label() + " weights",
                  () ->
                      new NetOutcome(
                          List.of(Int8OpCheck.run(pattern, w, HostNumerics.INT8_SEED)), true)));
        }
      }
    }
    return checks;
  }

  private static void ops(Precision p, List<NumericsCheck> checks) {
    RandomFoldedNets r = new RandomFoldedNets(SEED);
    op(p, checks, "conv3x3", "conv 3x3 + bias", r.conv("conv", 3, C, 32, 1, false));
    op(p, checks, "conv3x3-relu", "conv 3x3 + bias + relu", r.conv("conv", 3, C, 32, 1, true));
    op(p, checks, "conv1x1", "conv 1x1 + bias", r.conv("conv", 1, C, 32, 1, false));
    op(
        p,
        checks,
        "conv3x3-s2",
        "conv 3x3 stride 2 + bias + relu",
        r.conv("conv", 3, C, 32, 2, true));
    op(p, checks, "maxpool", "max pool 3x3/2", new MaxPool(3, 2, Padding.SAME));
    op(
        p,
        checks,
        "residual",
        "conv 3x3 + residual add + relu",
        new ResidualBlock(
            "block",
            List.of(r.conv("block_a", 3, C, C, 1, true), r.conv("block_b", 3, C, C, 1, false)),
            null));
    op(
        p,
        checks,
        "avgpool-shortcut",
        "avg pool 2x2/2 + conv 1x1 shortcut + add + relu",
        new ResidualBlock(
            "block",
            List.of(r.conv("block_a", 3, C, 32, 2, false)),
            r.conv("block_proj", 1, C, 32, 1, false),
            new AvgPool(2, 2, Padding.SAME)));
    checks.add(
        new NumericsCheck(
            p.configName() + "/mean-matmul",
            "global mean + matmul + bias",
            p.configName(),
            "",
            () ->
                NetLayerCheck.run(
                    new FoldedNet(HW, HW, C, List.of(new GlobalAvgPool(), r.dense("fc", C, 10))),
                    p,
                    images(HW, C))));
  }

  private static void op(
      Precision p, List<NumericsCheck> checks, String id, String op, LayerSpec layer) {
    FoldedNet net = new FoldedNet(HW, HW, C, List.of(layer));
    checks.add(
        new NumericsCheck(
            p.configName() + "/" + id,
            op,
            p.configName(),
            "",
            () -> NetLayerCheck.run(net, p, images(HW, C))));
  }

  private static void nets(Precision p, List<NumericsCheck> checks) {
    Function<ModelSpec, String> label = CheckSuite::label;
    for (ModelSpec spec : List.of(resnet("resnet9", null), resnet("resnet18", "D"))) {
      checks.add(
          new NumericsCheck(
              p.configName() + "/net-" + label.apply(spec),
              label.apply(spec) + " inference graph, layer by layer",
              p.configName(),
              "",
              () -> NetLayerCheck.run(RandomNets.folded(spec, 32, SEED), p, images(32, 3))));
    }
    for (ModelSpec spec : List.of(resnet("resnet9", null), resnet("resnet18", "D"))) {
      checks.add(
          new NumericsCheck(
              p.configName() + "/train-" + label.apply(spec),
              label.apply(spec) + " training graph: logits, repeated gradients",
              p.configName(),
              "",
              () -> TrainingPassCheck.run(spec, p, images(24, 3), SEED)));
    }
  }

  private static String label(ModelSpec s) {
    return s.architecture() + variant(s);
  }

  private static ModelSpec resnet(String architecture, String variant) {
    return new ModelSpec(architecture, 10, 0.125, variant, null);
  }

  private static String variant(ModelSpec s) {
    return s.variant() == null || s.variant().isEmpty() ? "" : "-" + s.variant();
  }

  /** Normal(0, 1) pixels, batch 2: what a normalised image looks like to the first layer. */
  static Nhwc images(int hw, int channels) {
    Random rnd = new Random(SEED);
    double[] v = new double[2 * hw * hw * channels];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return new Nhwc(2, hw, hw, channels, v);
  }
}
