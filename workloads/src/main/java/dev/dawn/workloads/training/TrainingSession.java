package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.Cluster;
import dev.dawn.workloads.distributed.FusionBuckets;
import dev.dawn.workloads.distributed.GrpcSession;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.RunDeadline;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.distributed.WorkerServer;
import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.TrainableWeight;
import dev.dawn.workloads.models.export.ModelWeights;
import dev.dawn.workloads.models.export.VariableStore;
import dev.dawn.workloads.profile.StepTracer;
import dev.dawn.workloads.profile.TracedOps;
import dev.dawn.workloads.training.optimizers.GradientAccumulator;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import dev.dawn.workloads.training.optimizers.LossScaleOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * One model in one TF graph and session: a training forward pass with loss, gradients, optimizer
 * update and BN moving-average updates (all run by a single {@link #trainStep}), plus an
 * inference-mode forward pass on the same variables that counts top-1/top-5 hits in-graph ({@link
 * #evaluate}). Image placeholders have unknown batch and spatial dimensions, so one session serves
 * every resolution of a progressive-resizing schedule.
 *
 * <p>Mixed precision ({@link PrecisionSettings}): both passes compute in the chosen dtype while the
 * variables, batch norm, the loss and the optimizer stay float32 (see {@link ForwardPass}); with
 * loss scaling the gradients are taken of S·loss and a {@link LossScaleOptimizer} wraps the
 * optimizer. {@link #trainStep} always returns the unscaled loss.
 *
 * <p>Data-parallel replicas ({@link ReplicaSettings}): with N > 1 the train step is {@link
 * ReplicatedTrainStep}'s, N mirrored copies on N devices averaging their gradients through fused
 * all-reduces; evaluation, {@link #weights()} and {@link #restore} (which writes every copy) work
 * on replica 0. With one replica the graph is exactly the single-device one.
 *
 * <p>Workers ({@link ReplicaSettings#cluster()} with several tasks): this process is one task. It
 * starts (or reuses) the task's {@link WorkerServer}, builds its own replicas on its own devices
 * and runs the session on its server, so the all-reduces span every replica of every worker. Each
 * worker is fed its own share of every global batch; all initialise their variables from the same
 * seed, so the copies start equal and stay equal. {@link #trainStep} returns the loss averaged over
 * all workers. Before evaluating or saving, {@link #averageMovingStatisticsOverWorkers} makes the
 * workers' models identical; each worker can then evaluate its share of the validation batches and
 * {@link #sumOverWorkers} the counts. A collective that fails because a worker is gone surfaces as
 * {@link WorkerLostException} within the collective timeout.
 */
public final class TrainingSession implements AutoCloseable {
  private final ModelSpec spec;
  private final GraphOptimizer optimizer;
  private final Graph graph;
  private final Session session;
  private final long parameterCount;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Placeholder<TFloat32> learningRate;
  private final Placeholder<TFloat32> momentum;
  private final Operand<TFloat32> loss;
  private final Op trainStep;

  /**
   * With gradient accumulation: applies the mean of the accumulated micro-batch gradients; null
   * otherwise.
   */
  private final Op applyAccumulated;

  private final int accumulationSteps;
  private final Operand<TInt32> top1;
  private final Operand<TInt32> top5;
  private final VariableStore variables;
  private final PrecisionSettings precision;

  /** Loss scaling, or null without. */
  private final LossScaleOptimizer lossScaler;

  private final ReplicaSettings replicas;

  /** How the gradients are all-reduced; null with one replica. */
  private final FusionBuckets fusion;

  /** The variables of replicas 1..N-1 (replica 0's are {@link #variables}). */
  private final List<VariableStore> mirrors = new ArrayList<>();

  /**
   * Trainable weight names in creation (forward) order: what {@link #fusionBuckets()} indices count
   * backwards over.
   */
  private final List<String> trainableNames;

  /** Every gradient op of every local replica, before any collective. */
  private final List<Op> backward;

  /**
   * Runs {@link #backward} only; added to the graph on first use, so graphs never measured stay
   * unchanged.
   */
  private Op computeOnly;

  /** Collectives between workers outside the train step; null without a cluster. */
  private final AcrossWorkers acrossWorkers;

  private boolean closed;

  /** A collective failed for a missing worker: {@link #close} must not wait for it. */
  private volatile boolean workerLost;

  /** Train steps run so far, to name the step that failed. */
  private long trainSteps;

  private TrainingSession(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings lossSettings,
      ThreadSettings threads,
      long seed,
      boolean decayBnAndBias,
      int accumulationSteps,
      PrecisionSettings precision,
      ReplicaSettings replicas,
      ModelSource models) {
    this.spec = spec;
    this.replicas = replicas;
    this.precision = precision;
    this.accumulationSteps = accumulationSteps;
    this.optimizer = optimizer;
    this.graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      images =
          tf.withName("images")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, Batch.CHANNELS)));
      labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      learningRate =
          tf.withName("learning_rate")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      momentum =
          tf.withName("momentum").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

      Model model;
      ReplicatedTrainStep replicated = null;
      if (replicas.isReplicated()) {
        replicated =
            new ReplicatedTrainStep(
                tf,
                spec,
                seed,
                optimizer,
                lossSettings,
                decayBnAndBias,
                accumulationSteps,
                precision,
                replicas,
                images,
                labels,
                learningRate,
                momentum,
                models);
        model = replicated.replica0;
        loss = replicated.loss;
        lossScaler = replicated.lossScaler0;
        trainStep = replicated.trainStep;
        applyAccumulated = replicated.applyAccumulated;
        fusion = replicated.buckets;
        backward = replicated.backward;
      } else {
        fusion = null;
        model = models.build(tf, spec, seed);

        ForwardPass train = ForwardPass.training(tf.withSubScope("train"), precision.precision());
        Ops trainOps = train.tf();
        loss =
            CrossEntropyLoss.mean(
                trainOps,
                model.float32Logits(train, images),
                labels,
                spec.numClasses(),
                lossSettings);
        GraphOptimizer update = optimizer;
        Operand<TFloat32> objective = loss;
        if (precision.lossScaling().isEnabled()) {
          lossScaler = new LossScaleOptimizer(tf, optimizer, precision.lossScaling());
          update = lossScaler;
          objective = lossScaler.scaleLoss(trainOps, loss);
        } else {
          lossScaler = null;
        }

        List<TrainableWeight> weights = model.trainables();
        List<Operand<?>> weightOperands = new ArrayList<>();
        weights.forEach(w -> weightOperands.add(w.variable()));
        Gradients gradients = trainOps.gradients(objective, weightOperands);
        // Updates wait for every gradient: ref variables are updated in place, and a backward op
        // still reading a weight
        // must not see it half-updated.
        List<Op> allGradients = new ArrayList<>(gradients.dy());
        backward = allGradients;
        Ops afterBackward = trainOps.withControlDependencies(allGradients);
        List<GraphOptimizer.Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
          TrainableWeight w = weights.get(i);
          Output<TFloat32> dy = gradients.dy(i);
          if (dy == null) {
            throw new IllegalStateException(
                "weight '" + w.name() + "' does not influence the loss of " + spec);
          }
          boolean decayed = decayBnAndBias || w.kind().isKernel();
          parameters.add(
              new GraphOptimizer.Parameter(
                  w.variable(), afterBackward.identity(dy), decayed, w.name()));
        }
        List<Op> stepOps = new ArrayList<>(train.movingAverageUpdates());
        if (accumulationSteps > 1) {
          // Each step adds its micro-batch's gradients; applyAccumulated() updates the weights with
          // their mean.
          var accumulator =
              new GradientAccumulator(
                  trainOps.withSubScope("optimizer"), parameters, update, learningRate, momentum);
          stepOps.add(accumulator.accumulate());
          applyAccumulated = accumulator.applyMean();
        } else {
          stepOps.add(
              update.applyGradients(
                  trainOps.withSubScope("optimizer"), parameters, learningRate, momentum));
          applyAccumulated = null;
        }
        trainStep = tf.withControlDependencies(stepOps).withName("train_step").noOp();
      }
      parameterCount = model.parameterCount();
      trainableNames = model.trainables().stream().map(TrainableWeight::name).toList();

      // Evaluation, weights saving and export read replica 0: its moving statistics are the
      // model's.
      Ops evalScope = replicas.isReplicated() ? tf.withDevice(replicas.device(0)) : tf;
      ForwardPass eval =
          ForwardPass.inference(evalScope.withSubScope("eval"), precision.precision());
      Ops evalOps = eval.tf();
      Operand<TFloat32> evalLogits = model.float32Logits(eval, images);
      top1 = hits(evalOps, evalLogits, 1);
      top5 = hits(evalOps, evalLogits, Math.min(5, spec.numClasses()));
      KernelAvailability.require(graph, precision.precision());

      if (replicas.isMultiWorker()) {
        acrossWorkers = new AcrossWorkers(tf, graph, model, replicas);
        WorkerServer server =
            WorkerServer.ensureStarted(
                replicas.cluster(), replicas.serverConfig(threads.toConfig()));
        session = GrpcSession.open(graph, server.target(), server.sessionConfig());
      } else {
        acrossWorkers = null;
        session = new Session(graph, replicas.sessionConfig(threads.toConfig()));
      }
      variables = new VariableStore(model, graph, session);
      if (replicated != null) {
        for (int r = 1; r < replicas.replicas(); r++) {
          mirrors.add(
              new VariableStore(replicated.models.get(r), graph, session, "replica_" + r + "/"));
        }
      }
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    try {
      session.initialize();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Conv/FC kernels are marked for weight decay; BN gamma/beta and biases are not (the "no bias
   * decay" trick).
   */
  public static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings loss,
      ThreadSettings threads,
      long seed) {
    return create(spec, optimizer, loss, threads, seed, false);
  }

  /**
   * @param decayBnAndBias also mark BN gamma/beta and biases for weight decay
   */
  public static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings loss,
      ThreadSettings threads,
      long seed,
      boolean decayBnAndBias) {
    return create(spec, optimizer, loss, threads, seed, decayBnAndBias, 1);
  }

  /**
   * @param accumulationSteps micro-batches per weight update (1 = none): {@link #trainStep} then
   *     only accumulates gradients (and updates BN statistics per micro-batch), and {@link
   *     #applyAccumulated} applies their mean
   */
  public static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings loss,
      ThreadSettings threads,
      long seed,
      boolean decayBnAndBias,
      int accumulationSteps) {
    return create(
        spec,
        optimizer,
        loss,
        threads,
        seed,
        decayBnAndBias,
        accumulationSteps,
        PrecisionSettings.FP32);
  }

  /**
   * @param precision compute dtype of both passes and the loss scaling (PrecisionSettings.FP32:
   *     plain float32)
   */
  public static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings loss,
      ThreadSettings threads,
      long seed,
      boolean decayBnAndBias,
      int accumulationSteps,
      PrecisionSettings precision) {
    return create(
        spec,
        optimizer,
        loss,
        threads,
        seed,
        decayBnAndBias,
        accumulationSteps,
        precision,
        ReplicaSettings.SINGLE);
  }

  /**
   * @param replicas data-parallel replicas in this session; {@link ReplicaSettings#SINGLE} builds
   *     the one-device graph (no collective ops). With N > 1 every fed training batch must divide
   *     by N.
   */
  public static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      LossSettings loss,
      ThreadSettings threads,
      long seed,
      boolean decayBnAndBias,
      int accumulationSteps,
      PrecisionSettings precision,
      ReplicaSettings replicas) {
    if (spec == null
        || optimizer == null
        || loss == null
        || threads == null
        || precision == null
        || replicas == null) {
      throw new IllegalArgumentException(
          "TrainingSession.create needs a spec, optimizer, loss, thread, precision and replica settings");
    }
    if (accumulationSteps < 1) {
      throw new IllegalArgumentException(
          "accumulationSteps must be >= 1, got " + accumulationSteps);
    }
    return new TrainingSession(
        spec,
        optimizer,
        loss,
        threads,
        seed,
        decayBnAndBias,
        accumulationSteps,
        precision,
        replicas,
        Model::build);
  }

  /**
   * A session on a model that {@code models} builds (tests use models no architecture describes).
   */
  static TrainingSession create(
      ModelSpec spec,
      GraphOptimizer optimizer,
      ReplicaSettings replicas,
      long seed,
      ModelSource models) {
    return new TrainingSession(
        spec,
        optimizer,
        new LossSettings(0),
        ThreadSettings.TF_DEFAULT,
        seed,
        false,
        1,
        PrecisionSettings.FP32,
        replicas,
        models);
  }

  public ReplicaSettings replicas() {
    return replicas;
  }

  /** The all-reduce messages of one step, in the order they are sent; empty with one replica. */
  public Optional<FusionBuckets> fusionBuckets() {
    return Optional.ofNullable(fusion);
  }

  /**
   * Names of the trainable weights in creation order; bucket tensor i is {@code names.get(size - 1
   * - i)}.
   */
  public List<String> trainableNames() {
    return trainableNames;
  }

  /** Replica {@code index}'s copy of the model variables (replica 0's is {@link #weights()}). */
  public ModelWeights replicaWeights(int index) {
    checkOpen();
    if (index < 0 || index >= replicas.replicas()) {
      throw new IllegalArgumentException(
          "replica " + index + " is not in [0, " + replicas.replicas() + ")");
    }
    return index == 0 ? variables.read() : mirrors.get(index - 1).read();
  }

  public PrecisionSettings precision() {
    return precision;
  }

  /**
   * The loss scale the next step uses and how many updates were skipped for non-finite gradients;
   * empty without loss scaling. One small Session.run, so call it when logging rather than every
   * step.
   */
  public Optional<LossScaleState> lossScale() {
    checkOpen();
    if (lossScaler == null) {
      return Optional.empty();
    }
    if (lossScaler.skippedUpdates() == null) {
      return Optional.of(new LossScaleState(precision.lossScaling().initialScale(), 0));
    }
    try (Result r =
        session.runner().fetch(lossScaler.scale()).fetch(lossScaler.skippedUpdates()).run()) {
      return Optional.of(
          new LossScaleState(((TFloat32) r.get(0)).getFloat(), ((TInt64) r.get(1)).getLong()));
    }
  }

  public int accumulationSteps() {
    return accumulationSteps;
  }

  /**
   * Applies the mean gradient of the micro-batches accumulated since the last update (accumulation
   * only).
   */
  public void applyAccumulated(float lr, float momentumValue) {
    checkOpen();
    if (applyAccumulated == null) {
      throw new IllegalStateException(
          "this session updates on every step; it was created without accumulation");
    }
    try (TFloat32 lrTensor = TFloat32.scalarOf(lr);
        TFloat32 momentumTensor = TFloat32.scalarOf(momentumValue);
        Result done =
            runner()
                .feed(learningRate, lrTensor)
                .feed(momentum, momentumTensor)
                .addTarget(applyAccumulated)
                .run()) {
      // nothing fetched: the update is the target
    }
  }

  /**
   * One SGD step: forward, backward, optimizer update and BN moving averages in one Session.run
   * (with gradient accumulation: forward, backward, gradients added to the sums, BN moving
   * averages; no weight update).
   *
   * @return the batch's mean loss before the update, unscaled under loss scaling; NaN/Inf are
   *     returned as they are (a step skipped for overflowing gradients still returns its finite
   *     loss)
   */
  public float trainStep(Batch batch, float lr, float momentumValue) {
    checkOpen();
    replicas.perReplicaBatch(batch.size());
    long step = ++trainSteps;
    try (TFloat32 x = pixels(batch);
        TInt32 y = labelsOf(batch);
        TFloat32 lrTensor = TFloat32.scalarOf(lr);
        TFloat32 momentumTensor = TFloat32.scalarOf(momentumValue);
        Result result =
            runner()
                .feed(images, x)
                .feed(labels, y)
                .feed(learningRate, lrTensor)
                .feed(momentum, momentumTensor)
                .addTarget(trainStep)
                .fetch(loss)
                .run()) {
      return ((TFloat32) result.get(0)).getFloat();
    } catch (TensorFlowException e) {
      throw workerLost("train step " + step, e);
    }
  }

  /**
   * Mean wall time of this process's forward and backward pass on {@code batch}: every local
   * replica computes its gradients, with no collective, no weight update and no BN statistics
   * update, {@code steps} times after one warm-up run. Set against the time of a full {@link
   * #trainStep}, the difference is the communication the step did not hide behind computation. The
   * first call adds one op to the graph.
   *
   * @param batch what one {@link #trainStep} of this process is fed (its share in a cluster)
   */
  public long computeOnlyStepNanos(Batch batch, int steps) {
    checkOpen();
    if (steps < 1) {
      throw new IllegalArgumentException("compute-only steps must be >= 1, got " + steps);
    }
    replicas.perReplicaBatch(batch.size());
    synchronized (this) {
      if (computeOnly == null) {
        computeOnly =
            Ops.create(graph).withControlDependencies(backward).withName("compute_only").noOp();
      }
    }
    try (TFloat32 x = pixels(batch);
        TInt32 y = labelsOf(batch)) {
      long total = 0;
      for (int i = 0; i <= steps; i++) {
        long start = System.nanoTime();
        runner().feed(images, x).feed(labels, y).addTarget(computeOnly).run().close();
        if (i > 0) {
          total += System.nanoTime() - start;
        }
      }
      return total / steps;
    }
  }

  /** The workers this session trains with ({@link Cluster#LOCAL} for one process). */
  public Cluster cluster() {
    return replicas.cluster();
  }

  /**
   * Replaces replica 0's BN moving means and variances by their mean over the workers, so every
   * worker holds the identical model before evaluating or saving it (each worker's statistics come
   * from its own shares of the batches). Every worker must call it at the same point; without a
   * cluster, or for a model without BN, it does nothing.
   *
   * @throws WorkerLostException when a worker is gone
   */
  public void averageMovingStatisticsOverWorkers() {
    checkOpen();
    if (acrossWorkers == null || acrossWorkers.averageMovingStatistics == null) {
      return;
    }
    try {
      runner().addTarget(acrossWorkers.averageMovingStatistics).run().close();
    } catch (TensorFlowException e) {
      throw workerLost("averaging BN statistics over the workers", e);
    }
  }

  /**
   * The sum of every worker's counts (each evaluated its own share of the validation batches).
   * Every worker must call it at the same point; without a cluster it returns {@code local}.
   *
   * @throws WorkerLostException when a worker is gone
   */
  public EvalCounts sumOverWorkers(EvalCounts local) {
    checkOpen();
    if (acrossWorkers == null) {
      return local;
    }
    try (TInt64 counts = TInt64.vectorOf(local.top1Correct(), local.top5Correct(), local.count());
        Result result =
            runner()
                .feed(acrossWorkers.localCounts, counts)
                .fetch(acrossWorkers.summedCounts)
                .run()) {
      TInt64 sum = (TInt64) result.get(0);
      return new EvalCounts(sum.getLong(0), sum.getLong(1), sum.getLong(2));
    } catch (TensorFlowException e) {
      throw workerLost("summing evaluation counts over the workers", e);
    }
  }

  /**
   * Runs {@code steps} training steps on {@code batch} (weights are updated, as in {@link
   * #trainStep}) with TensorFlow tracing on, and returns where their time went per op.
   */
  public TracedOps profileTrainSteps(Batch batch, float lr, float momentumValue, int steps) {
    checkOpen();
    try (TFloat32 x = pixels(batch);
        TInt32 y = labelsOf(batch);
        TFloat32 lrTensor = TFloat32.scalarOf(lr);
        TFloat32 momentumTensor = TFloat32.scalarOf(momentumValue)) {
      return StepTracer.trace(
          "train " + precision.precision().configName(),
          steps,
          () ->
              session
                  .runner()
                  .feed(images, x)
                  .feed(labels, y)
                  .feed(learningRate, lrTensor)
                  .feed(momentum, momentumTensor)
                  .addTarget(trainStep)
                  .fetch(loss));
    }
  }

  /**
   * Top-1/top-5 hits of the inference-mode (moving-statistics BN) forward pass; weights are not
   * changed.
   */
  public EvalCounts evaluate(Batch batch) {
    checkOpen();
    try (TFloat32 x = pixels(batch);
        TInt32 y = labelsOf(batch);
        Result result = runner().feed(images, x).feed(labels, y).fetch(top1).fetch(top5).run()) {
      int hits1 = ((TInt32) result.get(0)).getInt();
      int hits5 = ((TInt32) result.get(1)).getInt();
      return new EvalCounts(hits1, hits5, batch.size());
    } catch (TensorFlowException e) {
      throw workerLost("evaluation", e);
    }
  }

  /**
   * Snapshot of every model variable (trainables and BN moving mean/variance, not optimizer slots)
   * with this session's spec; {@code weights().save(runDir.resolve("weights"))} is what a run
   * stores for folding, export and pruning.
   */
  public ModelWeights weights() {
    checkOpen();
    return variables.read();
  }

  /**
   * Overwrites every model variable from {@code weights} (same variable names and shapes, e.g. from
   * {@link ModelWeights#load}); optimizer slots are left as they are. The first call adds assign
   * ops to the graph.
   */
  public void restore(ModelWeights weights) {
    checkOpen();
    variables.write(weights);
    // Mirrored copies must start equal again.
    mirrors.forEach(m -> m.write(weights));
  }

  public long parameterCount() {
    return parameterCount;
  }

  public ModelSpec spec() {
    return spec;
  }

  /**
   * For logs: TF version, layout, optimizer and whether oneDNN kernels were requested. TF 2.18 (in
   * TF Java 1.1.0) leaves oneDNN off unless {@code TF_ENABLE_ONEDNN_OPTS=1} is in the environment
   * before the natives load, and training then runs about 2x slower (Eigen kernels), so a run
   * record should say which it was.
   */
  public String deviceSummary() {
    String onednn = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    return "TensorFlow "
        + org.tensorflow.TensorFlow.version()
        + " CPU, "
        + spec.dataFormat()
        + ", optimizer "
        + optimizer.name()
        + ", precision "
        + precision.precision().configName()
        + ", loss scale "
        + precision.lossScaling().describe()
        + (replicas.isReplicated() ? ", " + replicas.replicas() + " replicas" : "")
        + (replicas.isMultiWorker()
            ? " on each of "
                + replicas.cluster().taskCount()
                + " workers (this is task "
                + replicas.cluster().taskIndex()
                + ")"
            : "")
        + ", TF_ENABLE_ONEDNN_OPTS="
        + (onednn == null ? "unset" : onednn);
  }

  /** The graph, for callers that add read-only ops (e.g. exporting); do not close it. */
  public Graph graph() {
    return graph;
  }

  /** The session, for fetching variables in tests and checkpoints; do not close it. */
  public Session session() {
    return session;
  }

  /**
   * Releases the session and graph. After a {@link WorkerLostException} they are left to the
   * process's exit: closing a session waits for its server's pending requests to a missing task,
   * which may never end.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (workerLost) {
        return;
      }
      session.close();
      graph.close();
    }
  }

  /**
   * Number of examples whose label is among the k largest logits, ties by lower class index ({@link
   * TopKHits}).
   */
  private Operand<TInt32> hits(Ops tf, Operand<TFloat32> logits, int k) {
    return TopKHits.count(tf, logits, labels, k);
  }

  /**
   * In a cluster, TensorFlow reports a collective whose peer is gone as a status without its own
   * exception class (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, CANCELLED): those become {@link
   * WorkerLostException}; bad input keeps its own exception.
   */
  private RuntimeException workerLost(String action, TensorFlowException e) {
    if (!replicas.isMultiWorker() || e.getClass() != TensorFlowException.class) {
      return e;
    }
    workerLost = true;
    return WorkerLostException.from(replicas.cluster(), action, replicas.timeoutSeconds(), e);
  }

  /**
   * A runner for the session; on a worker server with a deadline ({@link
   * ReplicaSettings#runDeadlineSeconds}), since a run waiting on a missing task 0 is otherwise
   * retried without end.
   */
  private Session.Runner runner() {
    Session.Runner runner = session.runner();
    return replicas.isMultiWorker()
        ? runner.setOptions(RunDeadline.of(replicas.runDeadlineSeconds()))
        : runner;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("TrainingSession for " + spec + " is closed");
    }
  }

  private TFloat32 pixels(Batch batch) {
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

  private TInt32 labelsOf(Batch batch) {
    int n = batch.size();
    int[] raw = batch.labels();
    for (int i = 0; i < n; i++) {
      if (raw[i] < 0 || raw[i] >= spec.numClasses()) {
        throw new IllegalArgumentException(
            "batch label " + i + " = " + raw[i] + " must be in [0, " + spec.numClasses() + ")");
      }
    }
    return TInt32.tensorOf(Shape.of(n), DataBuffers.of(raw, true, false).narrow(n));
  }
}
