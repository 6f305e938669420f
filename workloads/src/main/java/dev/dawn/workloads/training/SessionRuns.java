package dev.dawn.workloads.training;

import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.distributed.RunDeadline;
import dev.dawn.workloads.distributed.WorkerLostException;
import dev.dawn.workloads.models.ModelSpec;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * How every part of a training session runs its graph: refused once the session is closed; on a
 * worker server with the run deadline; and a run that failed because a worker is gone turned into
 * {@link WorkerLostException}, after which the session must not be closed.
 */
final class SessionRuns {
  private final Session session;
  private final ReplicaSettings replicas;
  private final ModelSpec spec;
  private volatile boolean closed;

  /** A collective failed for a missing worker: closing must not wait for it. */
  private volatile boolean workerLost;

  SessionRuns(Session session, ReplicaSettings replicas, ModelSpec spec) {
    this.session = session;
    this.replicas = replicas;
    this.spec = spec;
  }

  /**
   * A runner for the session; on a worker server with a deadline ({@link
   * ReplicaSettings#runDeadlineSeconds}), since a run waiting on a missing task 0 is otherwise
   * retried without end.
   */
  Session.Runner runner() {
    checkOpen();
    Session.Runner runner = session.runner();
    return replicas.isMultiWorker()
        ? runner.setOptions(RunDeadline.of(replicas.runDeadlineSeconds()))
        : runner;
  }

  /** A runner without the deadline, for runs that set their own options (tracing). */
  Session.Runner plainRunner() {
    checkOpen();
    return session.runner();
  }

  /**
   * In a cluster, TensorFlow reports a collective whose peer is gone as a status without its own
   * exception class (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, CANCELLED): those become {@link
   * WorkerLostException}; bad input keeps its own exception.
   *
   * @param action what failed, e.g. "train step 12"
   */
  RuntimeException failure(String action, TensorFlowException e) {
    if (!replicas.isMultiWorker() || e.getClass() != TensorFlowException.class) {
      return e;
    }
    workerLost = true;
    return WorkerLostException.from(replicas.cluster(), action, replicas.timeoutSeconds(), e);
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("TrainingSession for " + spec + " is closed");
    }
  }

  /**
   * Marks the session closed; true when it may be released, false after a lost worker: closing a
   * session waits for its server's pending requests to a missing task, which may never end.
   */
  boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    return !workerLost;
  }
}
