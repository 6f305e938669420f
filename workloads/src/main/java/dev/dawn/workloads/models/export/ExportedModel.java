package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedNet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * A SavedModel written by {@link FoldedModel#exportSavedModel}, loaded back: {@link #logits} runs
 * its default signature. Load problems (missing folder, missing/truncated/corrupt {@code
 * saved_model.pb}, missing signature) throw {@link WeightFileException} naming the path.
 */
public final class ExportedModel implements AutoCloseable {
  public static final String GRAPH_FILE = "saved_model.pb";

  private final Path dir;
  private final SavedModelBundle bundle;
  private final Operand<TFloat32> input;
  private final Operand<TFloat32> output;
  private final int height;
  private final int width;
  private final int channels;

  private ExportedModel(Path dir, SavedModelBundle bundle) {
    this.dir = dir;
    this.bundle = bundle;
    Signature signature =
        bundle.signatures().stream()
            .filter(s -> s.key().equals(Signature.DEFAULT_KEY))
            .findFirst()
            .orElseThrow(
                () ->
                    new WeightFileException(
                        dir.resolve(GRAPH_FILE),
                        "has no '" + Signature.DEFAULT_KEY + "' signature"));
    Signature.TensorDescription in = signature.getInputs().get(FoldedModel.INPUT);
    Signature.TensorDescription out = signature.getOutputs().get(FoldedModel.OUTPUT);
    if (in == null || out == null) {
      throw new WeightFileException(
          dir.resolve(GRAPH_FILE),
          "signature '"
              + Signature.DEFAULT_KEY
              + "' must map '"
              + FoldedModel.INPUT
              + "' to '"
              + FoldedModel.OUTPUT
              + "', has inputs "
              + signature.inputNames()
              + " and outputs "
              + signature.outputNames());
    }
    input = output(bundle, in.name);
    output = output(bundle, out.name);
    long[] shape = in.shape.asArray();
    if (shape.length != 4 || shape[1] < 1 || shape[2] < 1 || shape[3] < 1) {
      throw new WeightFileException(
          dir.resolve(GRAPH_FILE),
          "input '"
              + FoldedModel.INPUT
              + "' must be [N, H, W, C] with "
              + "known H, W, C; it is "
              + in.shape);
    }
    height = (int) shape[1];
    width = (int) shape[2];
    channels = (int) shape[3];
  }

  public static ExportedModel load(Path dir) {
    Path graphFile = dir.resolve(GRAPH_FILE);
    if (!Files.isDirectory(dir)) {
      throw new WeightFileException(dir, "SavedModel folder does not exist");
    }
    if (!Files.isRegularFile(graphFile)) {
      throw new WeightFileException(graphFile, "missing: not a SavedModel folder");
    }
    SavedModelBundle bundle;
    try {
      bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
    } catch (RuntimeException e) {
      throw new WeightFileException(
          graphFile,
          "could not be loaded as a SavedModel (truncated or corrupt?): " + e.getMessage(),
          e);
    }
    try {
      return new ExportedModel(dir, bundle);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /**
   * @param nhwc {@code n} images of the model's input size, row-major
   */
  public float[] logits(float[] nhwc, int n) {
    return FoldedModel.Logits.run(
        bundle.session().runner(), input, output, nhwc, n, height, width, channels);
  }

  /**
   * The folded net this SavedModel was exported from, rebuilt from its {@link FoldedNetDescription}
   * and the graph's weight constants (bit-equal).
   *
   * @throws WeightFileException naming the description file when it is missing (not a dawn export)
   *     or inconsistent
   */
  public FoldedNet foldedNet() {
    FoldedNet net = FoldedNetDescription.read(dir, this::constant);
    if (net.height() != height || net.width() != width || net.channels() != channels) {
      throw new WeightFileException(
          dir.resolve(FoldedNetDescription.FILE),
          "describes "
              + net.height()
              + "x"
              + net.width()
              + "x"
              + net.channels()
              + " input, the serving signature takes "
              + height
              + "x"
              + width
              + "x"
              + channels);
    }
    return net;
  }

  private float[] constant(String opName, int expected) {
    GraphOperation op = bundle.graph().operation(opName);
    if (op == null || !op.type().equals("Const")) {
      throw new IllegalArgumentException(
          op == null ? "no such op in the graph" : "is a " + op.type() + ", not a Const");
    }
    try (Result r = bundle.session().runner().fetch(opName).run()) {
      if (!(r.get(0) instanceof TFloat32 t)) {
        throw new IllegalArgumentException("holds " + r.get(0).dataType() + ", not float32");
      }
      if (t.size() != expected) {
        throw new IllegalArgumentException(
            "holds " + t.size() + " floats, the description's shape needs " + expected);
      }
      float[] v = new float[expected];
      t.asRawTensor().data().asFloats().read(v);
      return v;
    }
  }

  @Override
  public void close() {
    bundle.close();
  }

  /** Signature tensor names look like {@code "op:0"}. */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> output(SavedModelBundle bundle, String tensorName) {
    int colon = tensorName.lastIndexOf(':');
    String op = colon < 0 ? tensorName : tensorName.substring(0, colon);
    int index = colon < 0 ? 0 : Integer.parseInt(tensorName.substring(colon + 1));
    GraphOperation operation = bundle.graph().operation(op);
    if (operation == null) {
      throw new IllegalStateException(
          "SavedModel signature names tensor '"
              + tensorName
              + "' but the graph has no op '"
              + op
              + "'");
    }
    return (Operand<TFloat32>) (Operand<?>) operation.output(index);
  }
}
