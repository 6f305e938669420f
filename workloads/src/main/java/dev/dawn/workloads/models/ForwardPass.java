package dev.dawn.workloads.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * One application of a model to an input: training mode (batch statistics, collects the BN moving-average updates
 * that must run with the train step) or inference mode (moving statistics). Both share the model's variables.
 */
public final class ForwardPass {
  private final Ops tf;
  private final boolean training;
  private final List<Op> movingAverageUpdates = new ArrayList<>();

  private ForwardPass(Ops tf, boolean training) {
    this.tf = tf;
    this.training = training;
  }

  /** @param tf ops under a sub-scope of its own so the two passes get distinct op names */
  public static ForwardPass training(Ops tf) {
    return new ForwardPass(tf, true);
  }

  public static ForwardPass inference(Ops tf) {
    return new ForwardPass(tf, false);
  }

  public Ops tf() {
    return tf;
  }

  public boolean isTraining() {
    return training;
  }

  void addMovingAverageUpdate(Op update) {
    if (!training) {
      throw new IllegalStateException("an inference pass must not update BN moving statistics");
    }
    movingAverageUpdates.add(update);
  }

  /** Assign ops; run them as targets with the train step (nothing consumes their outputs, so only a target keeps them). */
  public List<Op> movingAverageUpdates() {
    return Collections.unmodifiableList(movingAverageUpdates);
  }
}
