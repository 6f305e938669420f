package dev.dawn.workloads.training;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.distributed.FusionBuckets;
import dev.dawn.workloads.distributed.GrpcSession;
import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.distributed.WorkerServer;
import dev.dawn.workloads.models.ForwardPass;
import dev.dawn.workloads.models.Model;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.TrainableWeight;
import dev.dawn.workloads.training.optimizers.LossScaleOptimizer;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One model in one TF graph and session, and its train step ({@link TrainStepGraph}): forward pass,
 * loss, gradients, optimizer update and BN moving-average updates in one {@link #trainStep}. Built
 * from {@link SessionOptions}. Its other parts have classes of their own: {@link #evaluation()}
 * (top-1/top-5 hits on the same variables), {@link #weights()} (read and restore the model), {@link
 * #variables()} (every variable by role), {@link #checkpoint()} (all of them as a TensorFlow
 * checkpoint), {@link #profiler()} and {@link #computeOnlyStep()} (where a step's time goes).
 *
 * <p>Mixed precision ({@link PrecisionSettings}): both passes compute in the chosen dtype while the
 * variables, batch norm, the loss and the optimizer stay float32 (see {@link ForwardPass}); with
 * loss scaling the gradients are taken of S·loss and a {@link LossScaleOptimizer} wraps the
 * optimizer. {@link #trainStep} always returns the unscaled loss.
 *
 * <p>Data-parallel replicas ({@link ReplicaSettings}): N mirrored copies on N devices average their
 * gradients through fused all-reduces; evaluation and reading the weights use replica 0, restoring
 * writes every copy. One replica in one process is the same step without the collectives.
 *
 * <p>Workers ({@link ReplicaSettings#cluster()} with several tasks): this process is one task. It
 * starts (or reuses) the task's {@link WorkerServer}, builds its own replicas on its own devices
 * and runs the session on its server, so the all-reduces span every replica of every worker. Each
 * worker is fed its own share of every global batch; all initialise their variables from the same
 * seed, so the copies start equal and stay equal. {@link #trainStep} returns the loss averaged over
 * all workers. A run that fails because a worker is gone, or that waits on one longer than the run
 * deadline ({@link ReplicaSettings#runDeadlineSeconds()}), surfaces as {@link WorkerLostException}.
 */
public final class TrainingSession implements AutoCloseable {
  private final SessionOptions options;
  private final Graph graph;
  private final Session session;
  private final SessionRuns runs;
  private final StepInputs inputs;
  private final TrainStepGraph step;
  private final Evaluation evaluation;
  private final SessionWeights weights;
  private final SessionCheckpoint checkpoint;
  private final StepProfiler profiler;
  private final ComputeOnlyStep computeOnlyStep;
  private final List<String> trainableNames;

  /** Train steps run so far, to name the step that failed. */
  private long trainSteps;

  private TrainingSession(SessionOptions options, ModelSource models) {
    this.options = options;
    this.graph = new Graph();
    try {
      // Opened on the still empty graph: a TensorFlow session is sent the ops added to its graph
      // since its previous run at the start of each run, so every part is built with the session
      // it runs in.
      session = open(graph, options);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
    try {
      runs = new SessionRuns(session, options.replicas(), options.spec());
      Ops tf = Ops.create(graph);
      inputs = StepInputs.create(tf);
      step = new TrainStepGraph(graph, tf, options, inputs, models);
      Model replica0 = step.models.get(0);
      evaluation = new Evaluation(graph, tf, inputs, replica0, options, runs);
      KernelAvailability.require(graph, options.precision().precision());
      step.variables.requireExactly(graph);
      weights = new SessionWeights(step.models, graph, session, runs);
      checkpoint = new SessionCheckpoint(graph, runs, step.variables, options);
      profiler = new StepProfiler(step, inputs, runs, options);
      computeOnlyStep = new ComputeOnlyStep(graph, step, inputs, runs, options);
      trainableNames = replica0.trainables().stream().map(TrainableWeight::name).toList();
      session.initialize();
    } catch (RuntimeException e) {
      session.close();
      graph.close();
      throw e;
    }
  }

  public static TrainingSession create(SessionOptions options) {
    return create(options, Model::build);
  }

  /**
   * A session on a model that {@code models} builds (tests use models no architecture describes).
   */
  static TrainingSession create(SessionOptions options, ModelSource models) {
    return new TrainingSession(options, models);
  }

  /** On this task's worker server in a cluster, else in this process. */
  private static Session open(Graph graph, SessionOptions options) {
    ReplicaSettings replicas = options.replicas();
    if (replicas.isMultiWorker()) {
      WorkerServer server =
          WorkerServer.ensureStarted(
              replicas.cluster(), replicas.serverConfig(options.threads().toConfig()));
      return GrpcSession.open(graph, server.target(), server.sessionConfig());
    }
    return new Session(graph, replicas.sessionConfig(options.threads().toConfig()));
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
  public float trainStep(Batch batch, float lr, float momentum) {
    runs.checkOpen();
    options.replicas().perReplicaBatch(batch.size());
    long stepNumber = ++trainSteps;
    try (StepFeed feed = inputs.step(batch, options.spec().numClasses(), lr, momentum);
        Result result = feed.into(runs.runner()).addTarget(step.trainStep).fetch(step.loss).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    } catch (TensorFlowException e) {
      throw runs.failure("train step " + stepNumber, e);
    }
  }

  /**
   * Applies the mean gradient of the micro-batches accumulated since the last update (accumulation
   * only).
   */
  public void applyAccumulated(float lr, float momentum) {
    runs.checkOpen();
    if (step.applyAccumulated == null) {
      throw new IllegalStateException(
          "this session updates on every step; it was created without accumulation");
    }
    try (StepFeed feed = inputs.hyperparameters(lr, momentum);
        Result done = feed.into(runs.runner()).addTarget(step.applyAccumulated).run()) {
      // nothing fetched: the update is the target
    }
  }

  /**
   * The loss scale the next step uses and how many updates were skipped for non-finite gradients;
   * empty without loss scaling. One small Session.run, so call it when logging rather than every
   * step.
   */
  public Optional<LossScaleState> lossScale() {
    runs.checkOpen();
    LossScaleOptimizer scaler = step.lossScaler0;
    if (scaler == null) {
      return Optional.empty();
    }
    if (scaler.skippedUpdates() == null) {
      return Optional.of(new LossScaleState(options.precision().lossScaling().initialScale(), 0));
    }
    try (Result r = session.runner().fetch(scaler.scale()).fetch(scaler.skippedUpdates()).run()) {
      return Optional.of(
          new LossScaleState(((TFloat32) r.get(0)).getFloat(), ((TInt64) r.get(1)).getLong()));
    }
  }

  public Evaluation evaluation() {
    return evaluation;
  }

  public SessionWeights weights() {
    return weights;
  }

  /**
   * The whole training state as a TensorFlow checkpoint: every variable of {@link #variables()}.
   */
  public SessionCheckpoint checkpoint() {
    return checkpoint;
  }

  /** Every variable of the graph by role: what saving and restoring the training state covers. */
  public SessionVariables variables() {
    return step.variables;
  }

  public StepProfiler profiler() {
    return profiler;
  }

  public ComputeOnlyStep computeOnlyStep() {
    return computeOnlyStep;
  }

  public ModelSpec spec() {
    return options.spec();
  }

  public ReplicaSettings replicas() {
    return options.replicas();
  }

  public int accumulationSteps() {
    return options.accumulationSteps();
  }

  public long parameterCount() {
    return step.models.get(0).parameterCount();
  }

  /** The all-reduce messages of one step, in the order they are sent; empty with one copy. */
  public Optional<FusionBuckets> fusionBuckets() {
    return Optional.ofNullable(step.buckets);
  }

  /**
   * Names of the trainable weights in creation order; bucket tensor i is {@code names.get(size - 1
   * - i)}.
   */
  public List<String> trainableNames() {
    return trainableNames;
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
    if (runs.markClosed()) {
      session.close();
      graph.close();
    }
  }
}
