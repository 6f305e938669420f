package dev.dawn.workloads.inference;

/** One forward pass on an already-preprocessed input; the timed region of {@link LatencyRunner}. */
@FunctionalInterface
public interface InferenceStep<T> {
  /**
   * Runs the model on {@code input}; must consume its output (fetch it), or TF may skip the work.
   */
  void infer(T input);

  /** Called once after the warm-up, before the first timed input. */
  default void startTimedPass() {}
}
