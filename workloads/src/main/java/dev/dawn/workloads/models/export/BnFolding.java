package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.Activation;
import dev.dawn.workloads.inference.net.ActivationLayer;
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
import dev.dawn.workloads.models.arch.Classifier;
import dev.dawn.workloads.models.arch.Conv;
import dev.dawn.workloads.models.arch.GlobalPool;
import dev.dawn.workloads.models.arch.Layer;
import dev.dawn.workloads.models.arch.NetDescription;
import dev.dawn.workloads.models.arch.Norm;
import dev.dawn.workloads.models.arch.Pool;
import dev.dawn.workloads.models.arch.PoolKind;
import dev.dawn.workloads.models.arch.Residual;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds inference-mode batch norm into the preceding conv and describes the model as a {@link
 * FoldedNet}: per output channel o, {@code s = gamma / sqrt(moving_var + eps)}, {@code w' = w * s},
 * {@code b' = beta - moving_mean * s}.
 *
 * <p>The walk follows the architecture's {@link NetDescription} (the same one the training graph is
 * built from) and reads every width from the tensor shapes, so pruned weights fold the same way.
 * GELU, which no fused conv kernel carries, becomes an {@link ActivationLayer} after its conv. Two
 * described forms need a rewrite:
 *
 * <ul>
 *   <li>conv -> max pool -> norm -> activation (airbench): the folded conv comes before the pool,
 *       exact because the described norm has a positive scale (fixed at 1, or a plain bias) and max
 *       commutes with a positive affine map and with ReLU; any other activation follows the pool as
 *       an {@link ActivationLayer}.
 *   <li>a residual with nothing after the add (Page's ResNet-9: {@code x +
 *       relu(res_b(relu(res_a(x))))}), while {@link ResidualBlock} is {@code relu(main(x) +
 *       shortcut(x))} with a linear last conv. Since x is itself a ReLU/max-pool output (>= 0),
 *       {@code relu(relu(y) + x) = relu(y) + x}, so the block is exact with {@code res_b} keeping
 *       its ReLU followed by an identity 1x1 conv ({@link #PASSTHROUGH}). That conv costs c^2 MACs
 *       per pixel (8.4 M of ~388 M MACs, ~2%, for full-width ResNet-9 at 32 px), but in INT8 the
 *       add and ReLU stay one fused oneDNN op. For channel pruning the passthrough joins its input
 *       and output channels.
 * </ul>
 *
 * A global max pool becomes one VALID max pool over the whole map (FoldedNet fixes the resolution),
 * then the mean.
 */
public final class BnFolding {
  /**
   * Suffix of the identity 1x1 conv that states a residual without activation after the add (see
   * above).
   */
  public static final String PASSTHROUGH = ".relu_passthrough";

  /** Name suffix of the activation that follows a conv's pool when the conv cannot carry it. */
  public static final String ACTIVATION = ".act";

  private final ModelWeights weights;
  private int size;

  /**
   * Whether the folded layers so far end in a value >= 0 (a ReLU, or a max pool or residual block
   * after one).
   */
  private boolean nonNegative;

  private BnFolding(ModelWeights weights, int resolution) {
    this.weights = weights;
    this.size = resolution;
  }

  /**
   * @param resolution square input size the folded net is built for (FoldedNet fixes height and
   *     width)
   */
  public static FoldedNet fold(ModelWeights weights, int resolution) {
    if (resolution < 1) {
      throw new IllegalArgumentException("fold resolution must be >= 1, got " + resolution);
    }
    BnFolding folding = new BnFolding(weights, resolution);
    List<LayerSpec> layers = new ArrayList<>();
    for (Layer layer : weights.spec().description().layers()) {
      folding.add(layer, layers);
    }
    return new FoldedNet(resolution, resolution, 3, layers);
  }

  private void add(Layer layer, List<LayerSpec> layers) {
    int before = layers.size();
    addFolded(layer, layers);
    for (LayerSpec added : layers.subList(before, layers.size())) {
      if (added instanceof FoldedConv c) {
        nonNegative = c.relu();
      } else if (added instanceof ResidualBlock) {
        nonNegative = true; // relu after the add, or (passthrough form) a sum of two values >= 0
      } else if (!(added instanceof MaxPool)) {
        nonNegative = false;
      }
    }
  }

  private void addFolded(Layer layer, List<LayerSpec> layers) {
    if (layer instanceof Conv c) {
      layers.addAll(conv(c));
    } else if (layer instanceof Pool p) {
      if (p.kind() != PoolKind.MAX) {
        throw new IllegalArgumentException(
            "folding: a stand-alone " + p.kind() + " pool has no folded form");
      }
      layers.add(maxPool(p.window(), p.stride(), p.padding()));
    } else if (layer instanceof Residual r) {
      layers.add(residual(r));
    } else if (layer instanceof GlobalPool g) {
      if (g.kind() == PoolKind.MAX) {
        layers.add(maxPool(size, size, Padding.VALID));
      }
      layers.add(new GlobalAvgPool());
    } else if (layer instanceof Classifier c) {
      layers.add(dense(c.name(), c.scale()));
    }
  }

  /**
   * The folded conv, then its pool and a stand-alone activation where the described conv has a pool
   * before its norm.
   */
  private List<LayerSpec> conv(Conv c) {
    if (c.poolBeforeNorm() == null) {
      if (c.activation() == Activation.GELU) {
        return List.of(fold(c, false), new ActivationLayer(c.name() + ACTIVATION, c.activation()));
      }
      return List.of(fold(c, c.activation() == Activation.RELU));
    }
    Pool p = c.poolBeforeNorm();
    List<LayerSpec> out = new ArrayList<>();
    out.add(fold(c, c.activation() == Activation.RELU)); // relu(max(x)) = max(relu(x))
    out.add(maxPool(p.window(), p.stride(), p.padding()));
    if (c.activation() == Activation.GELU) {
      out.add(new ActivationLayer(c.name() + ACTIVATION, c.activation()));
    }
    return out;
  }

  private ResidualBlock residual(Residual r) {
    int inputSize = size;
    List<FoldedConv> main = new ArrayList<>();
    for (Conv c : r.main()) {
      if (c.poolBeforeNorm() != null || c.activation() == Activation.GELU) {
        throw new IllegalArgumentException(
            "folding: residual "
                + r.name()
                + " conv "
                + c.name()
                + " has a pool or GELU inside the block, which a folded residual block cannot state");
      }
      main.add(fold(c, c.activation() == Activation.RELU));
    }
    if (r.afterAdd() == Activation.NONE) {
      FoldedConv last = main.get(main.size() - 1);
      if (r.shortcut() != null || !last.relu() || !nonNegative) {
        throw new IllegalArgumentException(
            "folding: residual "
                + r.name()
                + " without activation after the add needs "
                + "an identity shortcut, a ReLU on its last conv and an input >= 0");
      }
      main.add(passthrough(r.name(), last.out()));
      return new ResidualBlock(r.name(), main, null);
    }
    if (r.afterAdd() != Activation.RELU) {
      throw new IllegalArgumentException(
          "folding: residual " + r.name() + " must end with ReLU or nothing after the add");
    }
    if (r.shortcut() == null) {
      return new ResidualBlock(r.name(), main, null);
    }
    int outputSize = size;
    size = inputSize;
    AvgPool shortcutPool = null;
    Pool p = r.shortcut().pool();
    if (p != null) {
      if (p.kind() != PoolKind.AVG) {
        throw new IllegalArgumentException(
            "folding: residual " + r.name() + " shortcut pool must be an average pool");
      }
      shortcutPool = new AvgPool(p.window(), p.stride(), p.padding());
      size = p.padding().outputSize(size, p.window(), p.stride());
    }
    FoldedConv projection = fold(r.shortcut().projection(), false);
    if (size != outputSize) {
      throw new IllegalStateException(
          "block " + r.name() + ": shortcut gives " + size + " px, main path " + outputSize);
    }
    return new ResidualBlock(r.name(), main, projection, shortcutPool);
  }

  private static FoldedConv passthrough(String name, int c) {
    float[] identity = new float[c * c];
    for (int i = 0; i < c; i++) {
      identity[i * c + i] = 1f;
    }
    return new FoldedConv(
        name + PASSTHROUGH, identity, new float[c], 1, 1, c, c, 1, Padding.SAME, false);
  }

  /**
   * conv {@code <name>.conv.kernel} (HWIO) with {@code <name>.bn.*} folded in (a fixed-scale BN has
   * no gamma tensor: scale 1), or with its {@code <name>.conv.bias}.
   */
  private FoldedConv fold(Conv c, boolean relu) {
    String name = c.name();
    WeightTensor kernel = weights.get(name + ".conv.kernel");
    int kh = kernel.dim(0);
    int kw = kernel.dim(1);
    int in = kernel.dim(2);
    int out = kernel.dim(3);
    size = c.padding().outputSize(size, kh, c.stride());
    if (!c.norm().isBatchNorm()) {
      float[] bias = channels(name + ".conv.bias", out).clone();
      return new FoldedConv(
          name, kernel.values().clone(), bias, kh, kw, in, out, c.stride(), c.padding(), relu);
    }
    float[] gamma =
        c.norm() == Norm.BATCH_NORM_FIXED_SCALE ? ones(out) : channels(name + ".bn.gamma", out);
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
    return new FoldedConv(name, folded, bias, kh, kw, in, out, c.stride(), c.padding(), relu);
  }

  private static float[] ones(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }

  private MaxPool maxPool(int window, int stride, Padding padding) {
    size = padding.outputSize(size, window, stride);
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
    float[] bias =
        weights.contains(name + ".bias") ? channels(name + ".bias", out).clone() : new float[out];
    for (int i = 0; i < bias.length; i++) {
      bias[i] *= scale;
    }
    return new Dense(name, w, bias, in, out);
  }

  private float[] channels(String name, int expected) {
    WeightTensor t = weights.get(name);
    if (t.values().length != expected) {
      throw new IllegalArgumentException(
          "weights tensor '"
              + name
              + "' has "
              + t.values().length
              + " values, its conv has "
              + expected
              + " output channels");
    }
    return t.values();
  }
}
