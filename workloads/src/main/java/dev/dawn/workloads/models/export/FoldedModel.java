package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedNet;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A {@link FoldedNet} as a constant-weight graph in its own session: run it, or export it as a
 * SavedModel.
 */
public final class FoldedModel implements AutoCloseable {
  /** Signature names of the exported model. */
  public static final String INPUT = "images";

  public static final String OUTPUT = "logits";

  private final FoldedNet net;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Operand<TFloat32> logits;
  private final java.util.Map<String, String> constantOps;

  public FoldedModel(FoldedNet net) {
    this.net = net;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      images =
          tf.withName(INPUT)
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(Shape.of(-1, net.height(), net.width(), net.channels())));
      var fp32 = dev.dawn.workloads.inference.net.NetGraph.build(tf, images, net);
      logits = tf.withName(OUTPUT).identity(fp32.output());
      constantOps = fp32.constantOps();
      session = new Session(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  public FoldedNet net() {
    return net;
  }

  /**
   * @param nhwc {@code n} images of the net's height, width and channels, row-major
   */
  public float[] logits(float[] nhwc, int n) {
    return Logits.run(
        session.runner(), images, logits, nhwc, n, net.height(), net.width(), net.channels());
  }

  /**
   * Writes a SavedModel (tag "serve", signature {@code serving_default}: images -> logits) into
   * {@code dir}, plus the {@link FoldedNetDescription} that lets dawn rebuild the net from it.
   */
  public void exportSavedModel(Path dir) {
    Signature signature =
        Signature.builder()
            .key(Signature.DEFAULT_KEY)
            .input(INPUT, images)
            .output(OUTPUT, logits)
            .build();
    try {
      SavedModelBundle.exporter(dir.toString())
          .withSession(session)
          .withSignature(signature)
          .export();
    } catch (java.io.IOException e) {
      throw new WeightFileException(dir, "SavedModel export failed: " + e.getMessage(), e);
    }
    FoldedNetDescription.write(net, constantOps, dir);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }

  /** Feeds one batch of images and fetches the logits; shared by live and loaded models. */
  static final class Logits {
    private Logits() {}

    static float[] run(
        Session.Runner runner,
        Operand<TFloat32> input,
        Operand<TFloat32> output,
        float[] nhwc,
        int n,
        int height,
        int width,
        int channels) {
      long floats = (long) n * height * width * channels;
      if (n < 1 || nhwc.length != floats) {
        throw new IllegalArgumentException(
            n
                + " images of "
                + height
                + "x"
                + width
                + "x"
                + channels
                + " need "
                + floats
                + " floats, got "
                + nhwc.length);
      }
      try (TFloat32 x =
              TFloat32.tensorOf(
                  Shape.of(n, height, width, channels), DataBuffers.of(nhwc, true, false));
          var result = runner.feed(input, x).fetch(output).run()) {
        TFloat32 y = (TFloat32) result.get(0);
        float[] out = new float[Math.toIntExact(y.size())];
        y.asRawTensor().data().asFloats().read(out);
        return out;
      }
    }
  }
}
