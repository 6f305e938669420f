package dev.dawn.workloads.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.tensorflow.Server;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.JobDef;
import org.tensorflow.proto.ServerDef;

/**
 * This process's task of the cluster: a TensorFlow gRPC server whose master runs this worker's
 * sessions and whose workers exchange collective messages with the other tasks. A JVM hosts one
 * task: TensorFlow cannot stop a server ({@code Server.stop()} is unimplemented), so it lives until
 * the JVM exits, and every session of the process shares it.
 */
public final class WorkerServer {
  private static WorkerServer running;

  private final Cluster cluster;
  private final int cpuDevices;
  private final ConfigProto sessionConfig;

  /** Held so the server is never collected; it cannot be stopped. */
  @SuppressWarnings("unused")
  private final Server server;

  private WorkerServer(Cluster cluster, ConfigProto base) {
    this.cluster = cluster;
    this.cpuDevices = base.getDeviceCountOrDefault("CPU", 1);
    int task = cluster.taskIndex();
    // Task 0 resolves every collective group; the filter keeps this worker's sessions on its own
    // devices, so unpinned ops (feeds, initialisers) never land on another task.
    ConfigProto serverConfig =
        base.toBuilder()
            .setExperimental(
                base.getExperimental().toBuilder()
                    .setCollectiveGroupLeader("/job:" + Cluster.JOB + "/replica:0/task:0"))
            .build();
    this.sessionConfig =
        serverConfig.toBuilder()
            .clearDeviceFilters()
            .addDeviceFilters("/job:" + Cluster.JOB + "/replica:0/task:" + task)
            .build();
    checkPortFree(cluster);
    JobDef.Builder job = JobDef.newBuilder().setName(Cluster.JOB);
    for (int t = 0; t < cluster.taskCount(); t++) {
      job.putTasks(t, cluster.address(t));
    }
    ServerDef def =
        ServerDef.newBuilder()
            .setCluster(ClusterDef.newBuilder().addJob(job))
            .setJobName(Cluster.JOB)
            .setTaskIndex(task)
            .setProtocol("grpc")
            .setPort(cluster.port(task))
            .setDefaultSessionConfig(serverConfig)
            .build();
    try {
      Server s = new Server(def);
      s.start();
      this.server = s;
    } catch (TensorFlowException e) {
      throw new WorkerPortException(
          task,
          cluster.address(task),
          "TensorFlow could not start its server: " + e.getMessage(),
          e);
    }
  }

  /**
   * Starts this task's server, or returns the one already running for the same cluster.
   *
   * @param base session options the server's sessions default to; its CPU device count is fixed for
   *     the life of the process (see {@link ReplicaSettings#serverConfig})
   * @throws IllegalStateException for a second, different cluster in this JVM, or a base that needs
   *     more CPU devices than the running server has
   * @throws WorkerPortException when the task's port cannot be bound
   */
  public static synchronized WorkerServer ensureStarted(Cluster cluster, ConfigProto base) {
    if (!cluster.isMultiWorker()) {
      throw new IllegalArgumentException(
          "a worker server is for a cluster of several workers, got " + cluster.workers());
    }
    if (running != null) {
      if (!running.cluster.equals(cluster)) {
        throw new IllegalStateException(
            "this JVM already runs worker task "
                + running.cluster.taskIndex()
                + " of "
                + running.cluster.workers()
                + "; a JVM hosts one task (TensorFlow cannot stop a server), so task "
                + cluster.taskIndex()
                + " of "
                + cluster.workers()
                + " needs its own process");
      }
      int needed = base.getDeviceCountOrDefault("CPU", 1);
      if (needed > running.cpuDevices) {
        throw new IllegalStateException(
            "worker task "
                + cluster.taskIndex()
                + "'s server was started with "
                + running.cpuDevices
                + " CPU device(s) and cannot gain more; "
                + needed
                + " replicas need it started with the training session's configuration first");
      }
      return running;
    }
    running = new WorkerServer(cluster, base);
    return running;
  }

  /** The server of this JVM, if one was started. */
  public static synchronized Optional<WorkerServer> current() {
    return Optional.ofNullable(running);
  }

  public Cluster cluster() {
    return cluster;
  }

  /** CPU devices this task offers, one per replica. */
  public int cpuDevices() {
    return cpuDevices;
  }

  /** Where this task's sessions are opened: {@code grpc://host:port} of its own server. */
  public String target() {
    return "grpc://" + cluster.address(cluster.taskIndex());
  }

  /**
   * Options for this task's sessions: the server's (collective group leader = task 0) plus a device
   * filter that keeps every op on this task.
   */
  public ConfigProto sessionConfig() {
    return sessionConfig;
  }

  /**
   * TensorFlow listens on every interface of the task's port; when that fails its error is only a
   * log line, so the port is tried first.
   */
  static void checkPortFree(Cluster cluster) {
    int task = cluster.taskIndex();
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(cluster.port(task)));
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new WorkerPortException(
          task, cluster.address(task), reason.toLowerCase(java.util.Locale.ROOT), e);
    }
  }
}
