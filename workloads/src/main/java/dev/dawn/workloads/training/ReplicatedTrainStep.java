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
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The train step of N mirrored replicas in one graph. Replica r has its own copy of every variable
 * (replica 0 under the usual names, replica r under {@code replica_r/}), created from the same seed
 * so all copies start equal, and its own optimizer slots and BN moving statistics. It runs forward
 * and backward pinned on its device, on share r of the global batch, normalising with its own batch
 * statistics. The gradients are averaged over the replicas by {@link FusedAllReduce}, so every
 * replica applies the same mean gradient and the copies stay bit-identical.
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
final class ReplicatedTrainStep {
  final Model replica0;
  final Operand<TFloat32> loss;
  final Op trainStep;
  final Op applyAccumulated;
  final LossScaleOptimizer lossScaler0;
  final FusionBuckets buckets;
  final List<Model> models = new ArrayList<>();

  /** Every replica's gradient ops, before any collective: what a compute-only step runs. */
  final List<Operand<TFloat32>> backward = new ArrayList<>();

  ReplicatedTrainStep(
      Ops tf,
      ModelSpec spec,
      long seed,
      GraphOptimizer optimizer,
      LossSettings lossSettings,
      boolean decayBnAndBias,
      int accumulationSteps,
      PrecisionSettings precision,
      ReplicaSettings settings,
      Operand<TFloat32> images,
      Operand<TInt32> labels,
      Operand<TFloat32> learningRate,
      Operand<TFloat32> momentum,
      ModelSource modelSource) {
    int n = settings.replicas();
    // Contiguous shares: Split fails the step if the fed batch does not divide by n (callers check
    // it first).
    var imageShares = tf.withName("replica_images").split(tf.constant(0), images, (long) n);
    var labelShares = tf.withName("replica_labels").split(tf.constant(0), labels, (long) n);

    List<Ops> replicaOps = new ArrayList<>();
    List<Ops> trainOps = new ArrayList<>();
    List<Operand<TFloat32>> losses = new ArrayList<>();
    List<Operand<TFloat32>> objectives = new ArrayList<>();
    List<LossScaleOptimizer> scalers = new ArrayList<>();
    List<ForwardPass> passes = new ArrayList<>();
    List<List<Operand<TFloat32>>> gradients = new ArrayList<>();
    List<List<Op>> rawGradients = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Ops rtf = (r == 0 ? tf : tf.withSubScope("replica_" + r)).withDevice(settings.device(r));
      replicaOps.add(rtf);
      Model model = modelSource.build(rtf, spec, seed);
      models.add(model);
      ForwardPass train = ForwardPass.training(rtf.withSubScope("train"), precision.precision());
      passes.add(train);
      Ops ops = train.tf();
      trainOps.add(ops);
      Operand<TFloat32> replicaLoss =
          CrossEntropyLoss.mean(
              ops,
              model.float32Logits(train, imageShares.output().get(r)),
              labelShares.output().get(r),
              spec.numClasses(),
              lossSettings);
      losses.add(replicaLoss);
      Operand<TFloat32> objective = replicaLoss;
      if (precision.lossScaling().isEnabled()) {
        LossScaleOptimizer scaler = new LossScaleOptimizer(rtf, optimizer, precision.lossScaling());
        scalers.add(scaler);
        objective = scaler.scaleLoss(ops, replicaLoss);
      }
      objectives.add(objective);
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
    replica0 = models.get(0);
    lossScaler0 = scalers.isEmpty() ? null : scalers.get(0);

    List<TrainableWeight> weights0 = replica0.trainables();
    List<long[]> shapes = weights0.stream().map(TrainableWeight::shape).toList();
    int bytesPerValue = 4; // gradients reach the variables as float32 under every precision
    buckets =
        FusionBuckets.pack(
            GradientTensors.backwardOrderBytes(
                GradientTensors.elementCounts(replica0), bytesPerValue),
            settings.fusionThresholdBytes());
    int groupKey = CollectiveKeys.GRADIENT_GROUP;
    if (settings.isMultiWorker()) {
      List<Long> layout = new ArrayList<>(List.of((long) settings.groupSize()));
      buckets.buckets().forEach(b -> layout.add(b.bytes()));
      groupKey =
          CollectiveKeys.layoutGroup(
              CollectiveKeys.GRADIENT_GROUP, layout.stream().mapToLong(Long::longValue).toArray());
    }
    List<List<Operand<TFloat32>>> reduced =
        FusedAllReduce.mean(replicaOps, gradients, shapes, buckets, settings.groupSize(), groupKey);

    List<Op> stepOps = new ArrayList<>();
    List<Op> applies = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Ops ops = trainOps.get(r);
      Model model = models.get(r);
      // Updates wait for this replica's whole backward pass: a backward op still reading a weight
      // must not see it
      // half-updated (ref variables are updated in place).
      Ops afterBackward = ops.withControlDependencies(rawGradients.get(r));
      List<GraphOptimizer.Parameter> parameters = new ArrayList<>();
      for (int i = 0; i < weights0.size(); i++) {
        TrainableWeight w = model.trainables().get(i);
        boolean decayed = decayBnAndBias || w.kind().isKernel();
        parameters.add(
            new GraphOptimizer.Parameter(
                w.variable(), afterBackward.identity(reduced.get(r).get(i)), decayed, w.name()));
      }
      GraphOptimizer update = scalers.isEmpty() ? optimizer : scalers.get(r);
      stepOps.addAll(passes.get(r).movingAverageUpdates());
      if (accumulationSteps > 1) {
        var accumulator =
            new GradientAccumulator(
                ops.withSubScope("optimizer"), parameters, update, learningRate, momentum);
        stepOps.add(accumulator.accumulate());
        applies.add(accumulator.applyMean());
      } else {
        stepOps.add(
            update.applyGradients(
                ops.withSubScope("optimizer"), parameters, learningRate, momentum));
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
                groupKey,
                CollectiveKeys.LOSS);
        global.add(mean);
        stepOps.add(mean);
      }
      loss = replicaOps.get(0).withName("global_mean_loss").identity(global.get(0));
    } else {
      // Equal shares, so the mean of the replica means is the global batch's mean loss.
      loss = tf.withName("replica_mean_loss").math.mean(tf.stack(losses), tf.constant(0));
    }
    trainStep = tf.withControlDependencies(stepOps).withName("train_step").noOp();
    applyAccumulated =
        applies.isEmpty()
            ? null
            : tf.withControlDependencies(applies).withName("apply_accumulated").noOp();
  }
}
