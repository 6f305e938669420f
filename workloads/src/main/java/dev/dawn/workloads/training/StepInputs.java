package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The placeholders a training session's graph is fed through: NHWC images of any batch size and
 * resolution (so one graph serves every resolution of a progressive-resizing schedule), their
 * labels, and the learning rate and momentum, which schedules compute in Java per step.
 */
record StepInputs(
    Placeholder<TFloat32> images,
    Placeholder<TInt32> labels,
    Placeholder<TFloat32> learningRate,
    Placeholder<TFloat32> momentum) {

  static StepInputs create(Ops tf) {
    return new StepInputs(
        tf.withName("images")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, Batch.CHANNELS))),
        tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1))),
        tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())),
        tf.withName("momentum").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())));
  }

  /** A batch alone: an evaluation or a forward and backward pass. */
  StepFeed batch(Batch batch, int numClasses) {
    return StepFeed.of(this, batch, numClasses, null, null);
  }

  /** A batch with the step's learning rate and momentum: a train step. */
  StepFeed step(Batch batch, int numClasses, float lr, float momentumValue) {
    return StepFeed.of(this, batch, numClasses, lr, momentumValue);
  }

  /** The learning rate and momentum alone: applying accumulated gradients. */
  StepFeed hyperparameters(float lr, float momentumValue) {
    return StepFeed.of(this, null, 0, lr, momentumValue);
  }
}
