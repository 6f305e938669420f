package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.CollectiveKeys;
import dev.dawn.workloads.distributed.Collectives;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.export.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The collectives between workers that are not part of a train step, one member per worker on
 * replica 0's device: summing evaluation counts, and averaging replica 0's BN moving statistics so
 * that every worker evaluates and saves the same model.
 */
final class AcrossWorkers {
  private static final String MOVING = ".moving_";

  /** Fed with this worker's [top1, top5, count]. */
  final Placeholder<TInt64> localCounts;

  /** The element-wise sum of every worker's counts. */
  final Operand<TInt64> summedCounts;

  /** Assigns the workers' mean of every moving statistic to replica 0's; null without BN. */
  final Op averageMovingStatistics;

  @SuppressWarnings("unchecked")
  AcrossWorkers(Ops graphOps, Graph graph, Model replica0, ReplicaSettings settings) {
    int workers = settings.cluster().taskCount();
    Ops tf = graphOps.withSubScope("across_workers").withDevice(settings.device(0));
    List<Operand<TFloat32>> statistics = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    for (Map.Entry<String, long[]> e : VariableStore.variableShapes(replica0).entrySet()) {
      if (e.getKey().contains(MOVING)) {
        GraphOperation variable = graph.operation(e.getKey());
        statistics.add((Operand<TFloat32>) (Operand<?>) variable.output(0));
        shapes.add(e.getValue());
      }
    }
    long statisticCount = shapes.stream().mapToLong(s -> Shape.of(s).size()).sum();
    int group = CollectiveKeys.layoutGroup(CollectiveKeys.WORKER_GROUP, workers, statisticCount);
    localCounts =
        tf.withName("local_eval_counts").placeholder(TInt64.class, Placeholder.shape(Shape.of(3)));
    summedCounts =
        Collectives.sum(
            tf.withSubScope("eval_counts"),
            localCounts,
            workers,
            group,
            CollectiveKeys.EVAL_COUNTS);

    if (statistics.isEmpty()) {
      averageMovingStatistics = null;
      return;
    }
    Ops bn = tf.withSubScope("bn_statistics");
    List<Operand<TFloat32>> flat = new ArrayList<>();
    long[] sizes = new long[statistics.size()];
    for (int i = 0; i < statistics.size(); i++) {
      flat.add(bn.reshape(statistics.get(i), bn.constant(new int[] {-1})));
      sizes[i] = Shape.of(shapes.get(i)).size();
    }
    Operand<TFloat32> message = flat.size() == 1 ? flat.get(0) : bn.concat(flat, bn.constant(0));
    Operand<TFloat32> mean =
        Collectives.mean(
            bn, message, workers, CollectiveKeys.WORKER_GROUP, CollectiveKeys.BN_STATISTICS);
    List<Op> assigns = new ArrayList<>();
    if (statistics.size() == 1) {
      assigns.add(bn.assign(statistics.get(0), bn.reshape(mean, bn.constant(shapes.get(0)))));
    } else {
      var parts = bn.splitV(mean, bn.constant(sizes), bn.constant(0), (long) sizes.length);
      for (int i = 0; i < statistics.size(); i++) {
        assigns.add(
            bn.assign(
                statistics.get(i), bn.reshape(parts.output().get(i), bn.constant(shapes.get(i)))));
      }
    }
    averageMovingStatistics = bn.withControlDependencies(assigns).withName("average").noOp();
  }
}
