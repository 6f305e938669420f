package dev.dawn.workloads.inference;

import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/**
 * Feeds one tensor, fetches one output and closes the fetched result: the model call timed by
 * {@link LatencyRunner}. Fetching matters: TF prunes whatever is not fetched, so timing a bare
 * target would be too fast.
 */
public final class SessionStep implements InferenceStep<Tensor> {
  private final Session session;
  private final Operand<?> input;
  private final Operand<?> output;

  public SessionStep(Session session, Operand<?> input, Operand<?> output) {
    this.session = session;
    this.input = input;
    this.output = output;
  }

  @Override
  public void infer(Tensor x) {
    try (Result r = session.runner().feed(input, x).fetch(output).run()) {
      // Closing the result frees the output; the fetch itself is what forces the work.
    }
  }

  /**
   * A {@link BatchCall} on a tensor already in memory; the call owns (and closes) {@code batch}.
   */
  BatchCall onBatch(Tensor batch) {
    return new BatchCall() {
      @Override
      public void run() {
        infer(batch);
      }

      @Override
      public void close() {
        batch.close();
      }
    };
  }
}
