package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.quant.ActivationCalibrator;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Calibration;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.inference.quant.OneDnn;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.ThreadSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A folded network ready to classify: weights are graph constants (batch norm already folded in),
 * the input is a placeholder of any batch size, the output the logits. FP32 runs the folded net as
 * is; INT8 runs TF's fused oneDNN quantized convolutions with activation ranges calibrated on
 * training images.
 */
public final class InferenceModel implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final Operand<TFloat32> input;
  private final Operand<TFloat32> logits;

  private InferenceModel(
      Graph graph, Session session, Operand<TFloat32> input, Operand<TFloat32> logits) {
    this.graph = graph;
    this.session = session;
    this.input = input;
    this.logits = logits;
  }

  public static InferenceModel fp32(FoldedNet net, ThreadSettings threads) {
    return floating(net, Precision.FP32, threads);
  }

  /**
   * The folded net computing in {@code precision} (weights and activations; bf16: logits cast back
   * to float32); no calibration.
   */
  public static InferenceModel floating(
      FoldedNet net, Precision precision, ThreadSettings threads) {
    Graph g = new Graph();
    Ops tf = Ops.create(g);
    Operand<TFloat32> x = placeholder(tf, net);
    Operand<TFloat32> y = NetGraph.build(tf, x, net, precision).output();
    return new InferenceModel(g, new Session(g, config(threads)), x, y);
  }

  /**
   * @param calibration batches of preprocessed training images (NHWC), whose activations set the
   *     INT8 ranges
   * @param fp32Convs convs to keep in FP32 besides those TF cannot quantize (the first, fed signed
   *     pixels)
   * @param weights the weight levels this host's INT8 kernels compute right with
   */
  public static InferenceModel int8(
      FoldedNet net,
      ThreadSettings threads,
      List<? extends Tensor> calibration,
      Supplier<? extends ActivationCalibrator> calibrator,
      Set<String> fp32Convs,
      Int8Weights weights) {
    OneDnn.requireEnabled();
    Map<String, ActivationRange> ranges;
    try (Graph g = new Graph();
        Session s = new Session(g, config(threads))) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = placeholder(tf, net);
      NetGraph fp = NetGraph.build(tf, x, net);
      ranges = Calibration.ranges(s, x, fp.activations(), calibration, calibrator);
    }
    Graph g = new Graph();
    Ops tf = Ops.create(g);
    Operand<TFloat32> x = placeholder(tf, net);
    Operand<TFloat32> y = Int8GraphBuilder.build(tf, x, net, ranges, fp32Convs, weights).output();
    return new InferenceModel(g, new Session(g, config(threads)), x, y);
  }

  private static Operand<TFloat32> placeholder(Ops tf, FoldedNet net) {
    return tf.withName("images")
        .placeholder(
            TFloat32.class,
            Placeholder.shape(Shape.of(-1, net.height(), net.width(), net.channels())));
  }

  private static ConfigProto config(ThreadSettings threads) {
    return threads.toConfig();
  }

  public Session session() {
    return session;
  }

  public Operand<TFloat32> input() {
    return input;
  }

  public Operand<TFloat32> logits() {
    return logits;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
