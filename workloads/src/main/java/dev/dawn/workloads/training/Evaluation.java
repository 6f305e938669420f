package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Top-1/top-5 hits of a training session's model, counted in-graph by an inference-mode forward
 * pass (BN normalises with the moving statistics) on replica 0's variables, whose moving statistics
 * are the model's. Evaluating changes no variable.
 *
 * <p>Workers: {@link #averageMovingStatisticsOverWorkers} first makes the workers' models identical
 * (each worker's statistics come from its own shares of the batches); each worker then evaluates
 * its own share of the validation batches and {@link #sumOverWorkers} adds up the counts. Every
 * worker must make these two calls at the same points; without a cluster they do nothing.
 */
public final class Evaluation {
  private final StepInputs inputs;
  private final SessionRuns runs;
  private final int numClasses;
  private final Operand<TInt32> top1;
  private final Operand<TInt32> top5;

  /** Collectives between workers outside the train step; null without a cluster. */
  private final AcrossWorkers acrossWorkers;

  Evaluation(
      Graph graph,
      Ops tf,
      StepInputs inputs,
      Model replica0,
      SessionOptions options,
      SessionRuns runs) {
    this.inputs = inputs;
    this.runs = runs;
    this.numClasses = options.spec().numClasses();
    ReplicaSettings replicas = options.replicas();
    Ops evalScope = replicas.isReplicated() ? tf.withDevice(replicas.device(0)) : tf;
    ForwardPass eval =
        ForwardPass.inference(evalScope.withSubScope("eval"), options.precision().precision());
    Ops evalOps = eval.tf();
    Operand<TFloat32> logits = replica0.float32Logits(eval, inputs.images());
    top1 = TopKHits.count(evalOps, logits, inputs.labels(), 1);
    top5 = TopKHits.count(evalOps, logits, inputs.labels(), Math.min(5, numClasses));
    acrossWorkers =
        replicas.isMultiWorker() ? new AcrossWorkers(tf, graph, replica0, replicas) : null;
  }

  /** Hits among the batch's images; top-k is capped at the class count. */
  public EvalCounts evaluate(Batch batch) {
    try (StepFeed feed = inputs.batch(batch, numClasses);
        Result result = feed.into(runs.runner()).fetch(top1).fetch(top5).run()) {
      int hits1 = ((TInt32) result.get(0)).getInt();
      int hits5 = ((TInt32) result.get(1)).getInt();
      return new EvalCounts(hits1, hits5, batch.size());
    } catch (TensorFlowException e) {
      throw runs.failure("evaluation", e);
    }
  }

  /**
   * Replaces replica 0's BN moving means and variances by their mean over the workers, so every
   * worker holds the identical model before evaluating or saving it. Without a cluster, or for a
   * model without BN, it does nothing.
   *
   * @throws WorkerLostException when a worker is gone
   */
  public void averageMovingStatisticsOverWorkers() {
    runs.checkOpen();
    if (acrossWorkers == null || acrossWorkers.averageMovingStatistics == null) {
      return;
    }
    try {
      runs.runner().addTarget(acrossWorkers.averageMovingStatistics).run().close();
    } catch (TensorFlowException e) {
      throw runs.failure("averaging BN statistics over the workers", e);
    }
  }

  /**
   * The sum of every worker's counts (each evaluated its own share of the validation batches);
   * without a cluster, {@code local}.
   *
   * @throws WorkerLostException when a worker is gone
   */
  public EvalCounts sumOverWorkers(EvalCounts local) {
    runs.checkOpen();
    if (acrossWorkers == null) {
      return local;
    }
    try (TInt64 counts = TInt64.vectorOf(local.top1Correct(), local.top5Correct(), local.count());
        Result result =
            runs.runner()
                .feed(acrossWorkers.localCounts, counts)
                .fetch(acrossWorkers.summedCounts)
                .run()) {
      TInt64 sum = (TInt64) result.get(0);
      return new EvalCounts(sum.getLong(0), sum.getLong(1), sum.getLong(2));
    } catch (TensorFlowException e) {
      throw runs.failure("summing evaluation counts over the workers", e);
    }
  }
}
