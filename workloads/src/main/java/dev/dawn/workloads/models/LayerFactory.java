package dev.dawn.workloads.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Creates the variables of conv, batch-norm and dense layers with deterministic seeded
 * initialisers, and records the trainable ones. Layers are built once per model and then applied by
 * any number of {@link ForwardPass}es.
 */
public final class LayerFactory {
  public static final float BN_EPSILON = 1e-5f;

  private final Ops tf;
  private final Ops init;
  private final DataFormat format;
  private final long seed;
  private final float bnDecay;
  private final List<TrainableWeight> trainables = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private long streams;

  public LayerFactory(Ops tf, DataFormat format, long seed, float bnDecay) {
    if (!(bnDecay >= 0f && bnDecay < 1f)) {
      throw new IllegalArgumentException("BN decay must be in [0, 1), got " + bnDecay);
    }
    this.tf = tf;
    this.init = tf.withInitScope();
    this.format = format;
    this.seed = seed;
    this.bnDecay = bnDecay;
  }

  public DataFormat format() {
    return format;
  }

  /** KxK SAME-padded conv without bias, He-normal (fan-in) initialised. */
  public Conv2dLayer conv(String path, int kernel, int in, int out, int stride) {
    return conv(path, kernel, in, out, stride, "SAME");
  }

  /**
   * @param padding {@code SAME} or {@code VALID}
   */
  public Conv2dLayer conv(String path, int kernel, int in, int out, int stride, String padding) {
    String name = opName(path);
    long[] shape = {kernel, kernel, in, out};
    float std = (float) Math.sqrt(2.0 / ((double) kernel * kernel * in));
    Variable<TFloat32> w = variable(name + ".kernel", normal(shape, std));
    trainables.add(new TrainableWeight(w, name + ".kernel", ParameterKind.CONV_KERNEL, shape));
    return new Conv2dLayer(w, stride, padding, format);
  }

  /** Per-channel bias {@code <path>.bias} of a conv without batch norm, zero-initialised. */
  public Variable<TFloat32> bias(String path, int channels) {
    String name = opName(path) + ".bias";
    long[] shape = {channels};
    Variable<TFloat32> b = variable(name, zeros(shape));
    trainables.add(new TrainableWeight(b, name, ParameterKind.BIAS, shape));
    return b;
  }

  /**
   * @param zeroGamma start the scale at 0 (last BN of a residual branch, Goyal et al.)
   */
  public BatchNormLayer batchNorm(String path, int channels, boolean zeroGamma) {
    return batchNorm(path, channels, zeroGamma, false);
  }

  /**
   * @param fixedScale the scale is a constant 1 (no {@code .gamma} variable; the folded scale is
   *     then always positive)
   */
  public BatchNormLayer batchNorm(
      String path, int channels, boolean zeroGamma, boolean fixedScale) {
    String name = opName(path);
    long[] shape = {channels};
    Operand<TFloat32> gamma =
        fixedScale
            ? tf.constant(filled(channels, 1f))
            : variable(name + ".gamma", zeroGamma ? zeros(shape) : ones(shape));
    Variable<TFloat32> beta = variable(name + ".beta", zeros(shape));
    Variable<TFloat32> movingMean = variable(name + ".moving_mean", zeros(shape));
    Variable<TFloat32> movingVariance = variable(name + ".moving_variance", ones(shape));
    if (!fixedScale) {
      trainables.add(
          new TrainableWeight(
              (Variable<TFloat32>) gamma, name + ".gamma", ParameterKind.BN_GAMMA, shape));
    }
    trainables.add(new TrainableWeight(beta, name + ".beta", ParameterKind.BN_BETA, shape));
    return new BatchNormLayer(gamma, beta, movingMean, movingVariance, bnDecay, format);
  }

  /** Fully connected layer on [N, in]; normal(0, 1/sqrt(in)) kernel, zero bias when present. */
  public DenseLayer dense(String path, int in, int out, boolean bias) {
    String name = opName(path);
    long[] shape = {in, out};
    Variable<TFloat32> w = variable(name + ".kernel", normal(shape, (float) Math.sqrt(1.0 / in)));
    trainables.add(new TrainableWeight(w, name + ".kernel", ParameterKind.DENSE_KERNEL, shape));
    Variable<TFloat32> b = null;
    if (bias) {
      long[] bshape = {out};
      b = variable(name + ".bias", zeros(bshape));
      trainables.add(new TrainableWeight(b, name + ".bias", ParameterKind.BIAS, bshape));
    }
    return new DenseLayer(w, b);
  }

  /**
   * Window KxK max pool with SAME padding, so any input size works (odd sizes round up like the
   * strided convs). TF's CPU pooling kernels accept only NHWC, so NCHW graphs transpose around the
   * pool.
   */
  public Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x, int window, int stride) {
    return maxPool(tf, x, window, stride, "SAME");
  }

  /**
   * @param padding {@code SAME}, or {@code VALID} for PyTorch's floor-mode output size
   */
  public Operand<TFloat32> maxPool(
      Ops tf, Operand<TFloat32> x, int window, int stride, String padding) {
    Operand<TFloat32> nhwc = toNhwc(tf, x);
    Operand<TFloat32> pooled =
        tf.nn.maxPool(
            nhwc,
            tf.constant(DataFormat.NHWC.spatialInts(window)),
            tf.constant(DataFormat.NHWC.spatialInts(stride)),
            padding);
    return fromNhwc(tf, pooled);
  }

  public Operand<TFloat32> avgPool(Ops tf, Operand<TFloat32> x, int window, int stride) {
    return avgPool(tf, x, window, stride, "SAME");
  }

  public Operand<TFloat32> avgPool(
      Ops tf, Operand<TFloat32> x, int window, int stride, String padding) {
    Operand<TFloat32> nhwc = toNhwc(tf, x);
    return fromNhwc(
        tf,
        tf.nn.avgPool(
            nhwc, DataFormat.NHWC.spatial(window), DataFormat.NHWC.spatial(stride), padding));
  }

  /**
   * Global average pool to [N, C] for any spatial size. A reduced-precision input is averaged in
   * float32 and cast back: the gradient of Mean broadcasts with Tile, which the CPU build registers
   * for neither bf16 nor fp16, and a sum over 49+ values also loses less in float32.
   */
  @SuppressWarnings("unchecked")
  public Operand<TFloat32> globalAveragePool(Ops tf, Operand<TFloat32> x) {
    Operand<TInt32> axes = tf.constant(format.spatialAxes());
    Class<?> dtype = x.asOutput().type();
    if (dtype == TFloat32.class) {
      return tf.math.mean(x, axes);
    }
    Operand<TFloat32> mean = tf.math.mean(tf.dtypes.cast(x, TFloat32.class), axes);
    return (Operand<TFloat32>) (Operand<?>) tf.dtypes.cast(mean, (Class<? extends TNumber>) dtype);
  }

  /** Global max pool to [N, C] for any spatial size. */
  public Operand<TFloat32> globalMaxPool(Ops tf, Operand<TFloat32> x) {
    return tf.max(x, tf.constant(format.spatialAxes()));
  }

  /** Converts the fed NHWC images to this model's layout. */
  public Operand<TFloat32> fromNhwc(Ops tf, Operand<TFloat32> images) {
    return format == DataFormat.NHWC
        ? images
        : tf.linalg.transpose(images, tf.constant(new int[] {0, 3, 1, 2}));
  }

  private Operand<TFloat32> toNhwc(Ops tf, Operand<TFloat32> x) {
    return format == DataFormat.NHWC
        ? x
        : tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 3, 1}));
  }

  public List<TrainableWeight> trainables() {
    return Collections.unmodifiableList(trainables);
  }

  private Variable<TFloat32> variable(String name, Operand<TFloat32> initialValue) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("duplicate layer variable name '" + name + "'");
    }
    return tf.withName(name).variable(initialValue);
  }

  /**
   * Layer paths use '/' between levels, which op names forbid; '.' keeps them readable, and the
   * weight names handed to optimizers are then valid op names too (e.g. {@code
   * stage1_block1.a.conv.kernel}).
   */
  private static String opName(String path) {
    return path.replace('/', '.');
  }

  /**
   * Stateless normal keyed by (seed, creation index): the same seed gives the same weights on every
   * run.
   */
  private Operand<TFloat32> normal(long[] shape, float std) {
    Operand<TInt32> dims = init.constant(toInts(shape));
    Operand<TFloat32> unit =
        init.random.statelessRandomNormal(dims, init.constant(new long[] {seed, streams++}));
    return init.math.mul(unit, init.constant(std));
  }

  private Operand<TFloat32> zeros(long[] shape) {
    return init.fill(init.constant(toInts(shape)), init.constant(0f));
  }

  private Operand<TFloat32> ones(long[] shape) {
    return init.fill(init.constant(toInts(shape)), init.constant(1f));
  }

  private static float[] filled(int n, float value) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return v;
  }

  private static int[] toInts(long[] shape) {
    int[] dims = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = Math.toIntExact(shape[i]);
    }
    return dims;
  }
}
