package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.inference.InferenceStep;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * One image through the model, as a deployment would: feed, run, read the logits and take the top
 * 5. The predictions of the timed pass are kept, so the accuracy gate comes from the very pass
 * whose latency is reported.
 */
final class ClassifyStep implements InferenceStep<TFloat32> {
  private final InferenceModel model;
  private final int classes;
  private final int[][] top5;
  private int next;

  ClassifyStep(InferenceModel model, int classes, int images) {
    this.model = model;
    this.classes = classes;
    this.top5 = new int[images][];
  }

  /** Warm-up calls are not recorded; {@link #startRecording()} resets the position. */
  void startRecording() {
    next = 0;
  }

  @Override
  public void infer(TFloat32 image) {
    try (Result r =
        model.session().runner().feed(model.input(), image).fetch(model.logits()).run()) {
      TFloat32 logits = (TFloat32) r.get(0);
      int[] best = TopK.of(logits, classes, 5);
      if (next < top5.length) top5[next] = best;
      next++;
    }
  }

  int[] top5(int image) {
    return top5[image];
  }
}
