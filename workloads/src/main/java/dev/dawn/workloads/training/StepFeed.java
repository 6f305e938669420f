package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The tensors of one run of a training session's graph, made from a {@link Batch} (checked: sizes,
 * label range) and the step's learning rate and momentum; close it once the run has returned.
 */
final class StepFeed implements AutoCloseable {
  private final StepInputs inputs;
  private final List<Tensor> open = new ArrayList<>();
  private TFloat32 images;
  private TInt32 labels;
  private TFloat32 learningRate;
  private TFloat32 momentum;

  private StepFeed(StepInputs inputs) {
    this.inputs = inputs;
  }

  /**
   * @param batch null for no images and labels
   * @param lr null (with {@code momentum}) for no learning rate and momentum
   */
  static StepFeed of(StepInputs inputs, Batch batch, int numClasses, Float lr, Float momentum) {
    StepFeed feed = new StepFeed(inputs);
    try {
      if (batch != null) {
        feed.images = feed.keep(pixels(batch));
        feed.labels = feed.keep(labels(batch, numClasses));
      }
      if (lr != null) {
        feed.learningRate = feed.keep(TFloat32.scalarOf(lr));
        feed.momentum = feed.keep(TFloat32.scalarOf(momentum));
      }
      return feed;
    } catch (RuntimeException e) {
      feed.close();
      throw e;
    }
  }

  /** {@code runner} fed with this feed's tensors. */
  Session.Runner into(Session.Runner runner) {
    if (images != null) {
      runner.feed(inputs.images(), images).feed(inputs.labels(), labels);
    }
    if (learningRate != null) {
      runner.feed(inputs.learningRate(), learningRate).feed(inputs.momentum(), momentum);
    }
    return runner;
  }

  @Override
  public void close() {
    open.forEach(Tensor::close);
    open.clear();
  }

  private <T extends Tensor> T keep(T tensor) {
    open.add(tensor);
    return tensor;
  }

  /** The first {@code batch.size()} images of the batch's buffer, which may be longer (reused). */
  private static TFloat32 pixels(Batch batch) {
    int n = batch.size();
    long floats = (long) n * batch.floatsPerImage();
    if (n <= 0 || batch.resolution() <= 0) {
      throw new IllegalArgumentException(
          "batch size and resolution must be positive, got " + n + " and " + batch.resolution());
    }
    if (batch.pixels().length < floats || batch.labels().length < n) {
      throw new IllegalArgumentException(
          "batch of "
              + n
              + " images at "
              + batch.resolution()
              + " px needs "
              + floats
              + " pixels and "
              + n
              + " labels, got "
              + batch.pixels().length
              + " and "
              + batch.labels().length);
    }
    return TFloat32.tensorOf(
        Shape.of(n, batch.resolution(), batch.resolution(), Batch.CHANNELS),
        DataBuffers.of(batch.pixels(), true, false).narrow(floats));
  }

  private static TInt32 labels(Batch batch, int numClasses) {
    int n = batch.size();
    int[] raw = batch.labels();
    for (int i = 0; i < n; i++) {
      if (raw[i] < 0 || raw[i] >= numClasses) {
        throw new IllegalArgumentException(
            "batch label " + i + " = " + raw[i] + " must be in [0, " + numClasses + ")");
      }
    }
    return TInt32.tensorOf(Shape.of(n), DataBuffers.of(raw, true, false).narrow(n));
  }
}
