package dev.dawn.workloads.distributed;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TInt64;

/**
 * Exchanges a few numbers between all workers before training (e.g. hashes of their
 * configurations): one collective gather in a small graph and session of its own on this task's
 * server. The lengths are gathered first, so workers that send different counts fail with a message
 * instead of a mismatched gather.
 */
public final class ClusterHandshake {
  private ClusterHandshake() {}

  /**
   * Starts this task's server with default options if none runs yet (one CPU device: start it with
   * the training session's configuration first when there are several replicas).
   *
   * @param timeoutSeconds how long to wait for every worker to arrive (they may start at different
   *     times)
   * @return per task, in task order, the values it sent; just {@code values} without a cluster
   * @throws IllegalStateException when the tasks sent different numbers of values
   * @throws WorkerLostException when a task does not arrive within the timeout
   */
  public static long[][] gather(Cluster cluster, long[] values, int timeoutSeconds) {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("handshake timeout must be >= 1 s, got " + timeoutSeconds);
    }
    if (!cluster.isMultiWorker()) {
      return new long[][] {values.clone()};
    }
    WorkerServer server =
        WorkerServer.current()
            .orElseGet(() -> WorkerServer.ensureStarted(cluster, ConfigProto.getDefaultInstance()));
    if (!server.cluster().equals(cluster)) {
      // ensureStarted names both clusters
      WorkerServer.ensureStarted(cluster, ConfigProto.getDefaultInstance());
    }
    int tasks = cluster.taskCount();
    if (values.length > CollectiveKeys.MAX_HANDSHAKE_VALUES) {
      throw new IllegalArgumentException(
          "a handshake exchanges at most "
              + CollectiveKeys.MAX_HANDSHAKE_VALUES
              + " values, got "
              + values.length);
    }
    long[] lengths =
        gatherOnce(
            server, new long[] {values.length}, CollectiveKeys.HANDSHAKE_LENGTHS, timeoutSeconds);
    List<String> differing = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      if (lengths[t] != values.length) {
        differing.add("task " + t + " sent " + lengths[t]);
      }
    }
    if (!differing.isEmpty()) {
      throw new IllegalStateException(
          "workers sent different numbers of handshake values: task "
              + cluster.taskIndex()
              + " sent "
              + values.length
              + ", "
              + String.join(", ", differing));
    }
    long[][] out = new long[tasks][];
    if (values.length == 0) {
      for (int t = 0; t < tasks; t++) out[t] = new long[0];
      return out;
    }
    long[] all =
        gatherOnce(server, values, CollectiveKeys.handshakeValues(values.length), timeoutSeconds);
    for (int t = 0; t < tasks; t++) {
      out[t] = java.util.Arrays.copyOfRange(all, t * values.length, (t + 1) * values.length);
    }
    return out;
  }

  private static long[] gatherOnce(
      WorkerServer server, long[] values, int instanceKey, int timeoutSeconds) {
    Cluster cluster = server.cluster();
    Graph graph = new Graph();
    Ops tf =
        Ops.create(graph)
            .withSubScope("handshake")
            .withDevice(new ReplicaSettings(1, 0, timeoutSeconds, cluster).device(0));
    Operand<TInt64> gathered =
        Collectives.gather(
            tf,
            tf.constant(values),
            cluster.taskCount(),
            CollectiveKeys.HANDSHAKE_GROUP,
            instanceKey,
            timeoutSeconds);
    Session session = GrpcSession.open(graph, server.target(), server.sessionConfig());
    long[] out;
    try (Result result =
        session.runner().setOptions(RunDeadline.of(timeoutSeconds)).fetch(gathered).run()) {
      TInt64 t = (TInt64) result.get(0);
      out = new long[Math.toIntExact(t.size())];
      t.asRawTensor().data().asLongs().read(out);
    } catch (TensorFlowException e) {
      // Left open on purpose: closing waits for the master's retries to reach a missing task 0,
      // which never ends; the process is about to stop anyway.
      throw WorkerLostException.from(cluster, "the cluster handshake", timeoutSeconds, e);
    }
    session.close();
    graph.close();
    return out;
  }
}
