package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.CollectiveKeys;
import dev.dawn.workloads.distributed.Collectives;
import dev.dawn.workloads.distributed.FusedAllReduce;
import dev.dawn.workloads.distributed.FusionBuckets;
import dev.dawn.workloads.distributed.GradientTensors;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.TrainableWeight;
import dev.dawn.workloads.training.optimizers.GradientAccumulator;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import dev.dawn.workloads.training.optimizers.LossScaleOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The train step of N >= 1 mirrored replicas in one graph: forward pass, loss, gradients, their
 * mean over every copy of the model, optimizer update (or gradient accumulation) and BN moving
 * averages. Replica r has its own copy of every variable (replica 0 under the usual names, replica
 * r under {@code replica_r/}), created from the same seed so all copies start equal, and its own
 * optimizer slots and BN moving statistics. It runs forward and backward on share r of the batch,
 * normalising with its own batch statistics. The gradients are averaged over the copies by {@link
 * FusedAllReduce}, so every copy applies the same mean gradient and the copies stay bit-identical.
 *
 * <p>One copy in all (one replica, one worker) is the same computation without the parts that would
 * do nothing: the batch is not split, no op is pinned to a device, nothing is all-reduced and the
 * loss is the replica's own, so the graph is the single-device one.
 *
 * <p>Loss scaling: each replica scales its own loss by its own (equal) scale; the all-reduced
 * gradients are still scaled, and each replica's {@link LossScaleOptimizer} unscales and checks
 * them, so all replicas skip or apply together. Accumulation: every micro-batch all-reduces, and
 * each replica accumulates the mean gradient.
 *
 * <p>Workers ({@link ReplicaSettings#cluster()}): every worker builds this same graph for its own
 * replicas, pinned to its own task's devices, and the collectives' group spans the replicas of all
 * workers. The step's loss is then the global mean over that group (one more all-reduce), so every
 * worker reads the same loss.
 */
final class TrainStepGraph {
  /** Replica r's copy of the model. */
  final List<Model> models = new ArrayList<>();

  /** The batch's mean loss, unscaled; in a cluster the mean over every worker's batch. */
  final Operand<TFloat32> loss;

  final Op trainStep;

  /** With accumulation: applies the mean of the accumulated gradients; null otherwise. */
  final Op applyAccumulated;

  /** Replica 0's loss scaling; null without. */
  final LossScaleOptimizer lossScaler0;

  /** How the gradients are all-reduced; null with one copy in all. */
  final FusionBuckets buckets;

  /** Every local replica's gradient ops, before any collective: what a compute-only step runs. */
  final List<Operand<TFloat32>> backward = new ArrayList<>();

  /** Every variable the step created, by role. */
  final SessionVariables variables;

  TrainStepGraph(
      Graph graph, Ops tf, SessionOptions options, StepInputs inputs, ModelSource modelSource) {
    VariableRoles roles = new VariableRoles(graph);
    ModelSpec spec = options.spec();
    GraphOptimizer optimizer = options.optimizer();
    PrecisionSettings precision = options.precision();
    ReplicaSettings settings = options.replicas();
    int n = settings.replicas();
    boolean replicated = settings.isReplicated();

    List<Operand<TFloat32>> imageShares = new ArrayList<>();
    List<Operand<TInt32>> labelShares = new ArrayList<>();
    if (replicated) {
      // Contiguous shares: Split fails the step if the fed batch does not divide by n (callers
      // check it first).
      var images = tf.withName("replica_images").split(tf.constant(0), inputs.images(), (long) n);
      var labels = tf.withName("replica_labels").split(tf.constant(0), inputs.labels(), (long) n);
      imageShares.addAll(images.output());
      labelShares.addAll(labels.output());
    } else {
      imageShares.add(inputs.images());
      labelShares.add(inputs.labels());
    }

    List<Ops> replicaOps = new ArrayList<>();
    List<Ops> trainOps = new ArrayList<>();
    List<Operand<TFloat32>> losses = new ArrayList<>();
    List<LossScaleOptimizer> scalers = new ArrayList<>();
    List<ForwardPass> passes = new ArrayList<>();
    List<List<Operand<TFloat32>>> gradients = new ArrayList<>();
    List<List<Op>> rawGradients = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Ops rtf = r == 0 ? tf : tf.withSubScope("replica_" + r);
      if (replicated) {
        rtf = rtf.withDevice(settings.device(r));
      }
      replicaOps.add(rtf);
      Model model = modelSource.build(rtf, spec, options.seed());
      models.add(model);
      roles.model(model, r);
      ForwardPass train = ForwardPass.training(rtf.withSubScope("train"), precision.precision());
      passes.add(train);
      Ops ops = train.tf();
      trainOps.add(ops);
      Operand<TFloat32> replicaLoss =
          CrossEntropyLoss.mean(
              ops,
              model.float32Logits(train, imageShares.get(r)),
              labelShares.get(r),
              spec.numClasses(),
              options.loss());
      losses.add(replicaLoss);
      Operand<TFloat32> objective = replicaLoss;
      if (precision.lossScaling().isEnabled()) {
        LossScaleOptimizer scaler = new LossScaleOptimizer(rtf, optimizer, precision.lossScaling());
        roles.lossScale(r);
        scalers.add(scaler);
        objective = scaler.scaleLoss(ops, replicaLoss);
      }
      List<Operand<?>> weightOperands = new ArrayList<>();
      model.trainables().forEach(w -> weightOperands.add(w.variable()));
      Gradients g = ops.gradients(objective, weightOperands);
      List<Operand<TFloat32>> dy = new ArrayList<>();
      for (int i = 0; i < weightOperands.size(); i++) {
        Output<TFloat32> d = g.dy(i);
        if (d == null) {
          throw new IllegalStateException(
              "weight '"
                  + model.trainables().get(i).name()
                  + "' does not influence the loss of "
                  + spec);
        }
        dy.add(d);
      }
      gradients.add(dy);
      rawGradients.add(new ArrayList<>(g.dy()));
      backward.addAll(dy);
    }
    lossScaler0 = scalers.isEmpty() ? null : scalers.get(0);

    List<TrainableWeight> weights0 = models.get(0).trainables();
    List<List<Operand<TFloat32>>> reduced;
    if (replicated) {
      buckets = fusionBuckets(models.get(0), settings);
      List<long[]> shapes = weights0.stream().map(TrainableWeight::shape).toList();
      reduced =
          FusedAllReduce.mean(
              replicaOps, gradients, shapes, buckets, settings.groupSize(), groupKey(settings));
    } else {
      buckets = null;
      reduced = gradients;
    }

    List<Op> stepOps = new ArrayList<>();
    List<Op> applies = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Ops ops = trainOps.get(r);
      Model model = models.get(r);
      // Updates wait for this replica's whole backward pass: a backward op still reading a weight
      // must not see it half-updated (ref variables are updated in place).
      Ops afterBackward = ops.withControlDependencies(rawGradients.get(r));
      List<GraphOptimizer.Parameter> parameters = new ArrayList<>();
      for (int i = 0; i < weights0.size(); i++) {
        TrainableWeight w = model.trainables().get(i);
        boolean decayed = options.decayBnAndBias() || w.kind().isKernel();
        parameters.add(
            new GraphOptimizer.Parameter(
                w.variable(), afterBackward.identity(reduced.get(r).get(i)), decayed, w.name()));
      }
      GraphOptimizer update = scalers.isEmpty() ? optimizer : scalers.get(r);
      stepOps.addAll(passes.get(r).movingAverageUpdates());
      if (options.accumulationSteps() > 1) {
        var accumulator =
            new GradientAccumulator(
                ops.withSubScope("optimizer"),
                parameters,
                update,
                inputs.learningRate(),
                inputs.momentum());
        roles.update(accumulator, r);
        stepOps.add(accumulator.accumulate());
        applies.add(accumulator.applyMean());
      } else {
        stepOps.add(
            update.applyGradients(
                ops.withSubScope("optimizer"),
                parameters,
                inputs.learningRate(),
                inputs.momentum()));
        roles.update(null, r);
      }
    }
    if (settings.isMultiWorker()) {
      // Every member must join the loss all-reduce, so the step waits for all of them; replica 0's
      // copy is the one fetched.
      List<Operand<TFloat32>> global = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        Operand<TFloat32> mean =
            Collectives.mean(
                replicaOps.get(r).withSubScope("global_loss"),
                losses.get(r),
                settings.groupSize(),
                groupKey(settings),
                CollectiveKeys.LOSS);
        global.add(mean);
        stepOps.add(mean);
      }
      loss = replicaOps.get(0).withName("global_mean_loss").identity(global.get(0));
    } else if (replicated) {
      // Equal shares, so the mean of the replica means is the global batch's mean loss.
      loss = tf.withName("replica_mean_loss").math.mean(tf.stack(losses), tf.constant(0));
    } else {
      loss = losses.get(0);
    }
    trainStep = tf.withControlDependencies(stepOps).withName("train_step").noOp();
    if (applies.isEmpty()) {
      applyAccumulated = null;
    } else if (replicated) {
      applyAccumulated = tf.withControlDependencies(applies).withName("apply_accumulated").noOp();
    } else {
      applyAccumulated = applies.get(0);
    }
    variables = roles.variables();
  }

  /**
   * The all-reduce messages: the gradients in backward order, float32 under every precision (they
   * reach the variables as float32), packed up to the fusion threshold.
   */
  private static FusionBuckets fusionBuckets(Model replica0, ReplicaSettings settings) {
    int bytesPerValue = 4;
    return FusionBuckets.pack(
        GradientTensors.backwardOrderBytes(GradientTensors.elementCounts(replica0), bytesPerValue),
        settings.fusionThresholdBytes());
  }

  /**
   * The gradient collectives' group key; in a cluster it also encodes the group size and the bucket
   * layout, so workers built with different settings never join one group.
   */
  private int groupKey(ReplicaSettings settings) {
    if (!settings.isMultiWorker()) {
      return CollectiveKeys.GRADIENT_GROUP;
    }
    List<Long> layout = new ArrayList<>(List.of((long) settings.groupSize()));
    buckets.buckets().forEach(b -> layout.add(b.bytes()));
    return CollectiveKeys.layoutGroup(
        CollectiveKeys.GRADIENT_GROUP, layout.stream().mapToLong(Long::longValue).toArray());
  }
}
