package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.AvgPool;
import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.GlobalAvgPool;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.net.ResidualBlock;
import dev.dawn.workloads.models.LayerFactory;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds inference-mode batch norm into the preceding conv and describes the model as a {@link FoldedNet}: per output
 * channel o, {@code s = gamma / sqrt(moving_var + eps)}, {@code w' = w * s}, {@code b' = beta - moving_mean * s}.
 *
 * <p>The walk follows the layer names the models give their variables ({@code stem}, {@code stageS_blockB.a/b/c},
 * {@code .shortcut}, {@code prep}, {@code layer1_res_a}, ...) and reads every width from the tensor shapes, so only the
 * wiring (where strides, pools and adds sit) is restated here; it matches ResNet/ResNet9 and the equality test against
 * the unfolded model guards it.
 */
public final class BnFolding {
  /** Suffix of the identity 1x1 conv that lets ResNet-9's residual be stated with {@link ResidualBlock} (see below). */
  public static final String PASSTHROUGH = ".relu_passthrough";
  /** ResNet-9's final linear layer is scaled by 1/8 (Page's "Mul(0.125)"); folded into the dense weights. */
  private static final float RESNET9_LOGIT_SCALE = 0.125f;

  private final ModelWeights weights;
  private int size;

  private BnFolding(ModelWeights weights, int resolution) {
    this.weights = weights;
    this.size = resolution;
  }

  /** @param resolution square input size the folded net is built for (FoldedNet fixes height and width) */
  public static FoldedNet fold(ModelWeights weights, int resolution) {
    if (resolution < 1) {
      throw new IllegalArgumentException("fold resolution must be >= 1, got " + resolution);
    }
    BnFolding folding = new BnFolding(weights, resolution);
    List<LayerSpec> layers = weights.spec().architecture().equals("resnet9") ? folding.resNet9() : folding.resNet();
    return new FoldedNet(resolution, resolution, 3, layers);
  }

  private List<LayerSpec> resNet() {
    ModelSpec spec = weights.spec();
    boolean averageDown = spec.variant().equals("D");
    List<LayerSpec> layers = new ArrayList<>();
    if (weights.contains("stem1.conv.kernel")) { // deep stem of variants C and D
      layers.add(conv("stem1", 2, true));
      layers.add(conv("stem2", 1, true));
      layers.add(conv("stem3", 1, true));
    } else {
      layers.add(conv("stem", 2, true));
    }
    layers.add(maxPool(3, 2, Padding.SAME));
    for (int stage = 1; weights.contains(block(stage, 1) + ".a.conv.kernel"); stage++) {
      for (int b = 1; weights.contains(block(stage, b) + ".a.conv.kernel"); b++) {
        String name = block(stage, b);
        int stride = stage > 1 && b == 1 ? 2 : 1;
        int inputSize = size;
        List<FoldedConv> main = new ArrayList<>();
        if (weights.contains(name + ".c.conv.kernel")) {
          boolean strideOnFirst = spec.variant().equals("A");
          main.add(conv(name + ".a", strideOnFirst ? stride : 1, true));
          main.add(conv(name + ".b", strideOnFirst ? 1 : stride, true));
          main.add(conv(name + ".c", 1, false));
        } else {
          main.add(conv(name + ".a", stride, true));
          main.add(conv(name + ".b", 1, false));
        }
        int outputSize = size;
        FoldedConv projection = null;
        AvgPool shortcutPool = null;
        if (weights.contains(name + ".shortcut.conv.kernel")) {
          size = inputSize;
          if (averageDown && stride > 1) {
            // ResNet-D: average 2x2/2 first so the 1x1 conv sees every activation (ProjectionShortcut)
            shortcutPool = new AvgPool(stride, stride, Padding.SAME);
            size = FlopCounter.outputSize(size, stride, stride, Padding.SAME);
          }
          projection = conv(name + ".shortcut", shortcutPool == null ? stride : 1, false);
          if (size != outputSize) {
            throw new IllegalStateException("block " + name + ": shortcut gives " + size + " px, main path " + outputSize);
          }
        }
        layers.add(new ResidualBlock(name, main, projection, shortcutPool));
      }
    }
    layers.add(new GlobalAvgPool());
    layers.add(dense("classifier", 1f));
    return layers;
  }

  /**
   * Page's ResNet-9 adds {@code x + relu(res_b(relu(res_a(x))))} with no ReLU after the add, while {@link ResidualBlock}
   * is {@code relu(main(x) + shortcut(x))} with a linear last conv. Since x is itself a ReLU/max-pool output (>= 0),
   * {@code relu(relu(y) + x) = relu(y) + x}, so the block is exact with {@code res_b} keeping its ReLU followed by an
   * identity 1x1 conv ({@link #PASSTHROUGH}). That conv costs c^2 MACs per pixel (8.4 M of ~388 M MACs, ~2%, for
   * full-width ResNet-9 at 32 px), but it earns its keep: in INT8 the add and ReLU stay one fused oneDNN op (a block
   * form with the ReLU before the add would need a dequantized FP32 add). For channel pruning the passthrough joins
   * its input and output channels, so {@code res_b} is pruned together with the residual group it adds into.
   */
  private List<LayerSpec> resNet9() {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(conv("prep", 1, true));
    layers.add(conv("layer1", 1, true));
    layers.add(maxPool(2, 2, Padding.SAME));
    layers.add(resNet9Residual("layer1_res"));
    layers.add(conv("layer2", 1, true));
    layers.add(maxPool(2, 2, Padding.SAME));
    layers.add(conv("layer3", 1, true));
    layers.add(maxPool(2, 2, Padding.SAME));
    layers.add(resNet9Residual("layer3_res"));
    // Global max pool: FoldedNet fixes the resolution, so one VALID max pool over the whole (square) map does it.
    layers.add(maxPool(size, size, Padding.VALID));
    layers.add(new GlobalAvgPool());
    layers.add(dense("classifier", RESNET9_LOGIT_SCALE));
    return layers;
  }

  private ResidualBlock resNet9Residual(String name) {
    FoldedConv a = conv(name + "_a", 1, true);
    FoldedConv b = conv(name + "_b", 1, true);
    int c = b.out();
    float[] identity = new float[c * c];
    for (int i = 0; i < c; i++) {
      identity[i * c + i] = 1f;
    }
    FoldedConv pass = new FoldedConv(name + PASSTHROUGH, identity, new float[c], 1, 1, c, c, 1, Padding.SAME, false);
    return new ResidualBlock(name, List.of(a, b, pass), null);
  }

  private static String block(int stage, int b) {
    return "stage" + stage + "_block" + b;
  }

  /** conv {@code <name>.conv.kernel} (HWIO) with {@code <name>.bn.*} folded in; SAME padding as in LayerFactory. */
  private FoldedConv conv(String name, int stride, boolean relu) {
    WeightTensor kernel = weights.get(name + ".conv.kernel");
    int kh = kernel.dim(0);
    int kw = kernel.dim(1);
    int in = kernel.dim(2);
    int out = kernel.dim(3);
    float[] gamma = channels(name + ".bn.gamma", out);
    float[] beta = channels(name + ".bn.beta", out);
    float[] mean = channels(name + ".bn.moving_mean", out);
    float[] variance = channels(name + ".bn.moving_variance", out);
    double[] scale = new double[out];
    float[] bias = new float[out];
    for (int o = 0; o < out; o++) {
      scale[o] = gamma[o] / Math.sqrt((double) variance[o] + LayerFactory.BN_EPSILON);
      bias[o] = (float) (beta[o] - mean[o] * scale[o]);
    }
    float[] w = kernel.values();
    float[] folded = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      folded[i] = (float) (w[i] * scale[i % out]); // HWIO: the output channel is the fastest axis
    }
    size = FlopCounter.outputSize(size, kh, stride, Padding.SAME);
    return new FoldedConv(name, folded, bias, kh, kw, in, out, stride, Padding.SAME, relu);
  }

  private MaxPool maxPool(int window, int stride, Padding padding) {
    size = FlopCounter.outputSize(size, window, stride, padding);
    return new MaxPool(window, stride, padding);
  }

  private Dense dense(String name, float scale) {
    WeightTensor kernel = weights.get(name + ".kernel");
    int in = kernel.dim(0);
    int out = kernel.dim(1);
    float[] w = kernel.values().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] *= scale;
    }
    float[] bias = weights.contains(name + ".bias") ? channels(name + ".bias", out).clone() : new float[out];
    for (int i = 0; i < bias.length; i++) {
      bias[i] *= scale;
    }
    return new Dense(name, w, bias, in, out);
  }

  private float[] channels(String name, int expected) {
    WeightTensor t = weights.get(name);
    if (t.values().length != expected) {
      throw new IllegalArgumentException("weights tensor '" + name + "' has " + t.values().length + " values, its conv has "
          + expected + " output channels");
    }
    return t.values();
  }
}
