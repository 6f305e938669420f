package dev.dawn.workloads.distributed;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tasks of TensorFlow job {@code worker} that train one model together (between-graph
 * replication: every task builds its own graph and they meet in collectives), and which of them
 * this process is.
 *
 * @param workers {@code host:port} of every task, task 0 first; empty = no cluster (one process)
 * @param taskIndex this process's task
 */
public record Cluster(List<String> workers, int taskIndex) {
  /** The job name every task runs under, as TensorFlow's multi-worker strategies name it. */
  public static final String JOB = "worker";

  /** One process, no server. */
  public static final Cluster LOCAL = new Cluster(List.of(), 0);

  public Cluster {
    if (workers == null) {
      throw new IllegalArgumentException(
          "cluster workers must be a list of host:port (empty = none)");
    }
    workers = List.copyOf(workers);
    if (workers.isEmpty()) {
      if (taskIndex != 0) {
        throw new IllegalArgumentException(
            "task index " + taskIndex + " given but the cluster lists no workers");
      }
    } else if (taskIndex < 0 || taskIndex >= workers.size()) {
      throw new IllegalArgumentException(
          "task index "
              + taskIndex
              + " is not in [0, "
              + workers.size()
              + ") for a cluster of "
              + workers.size()
              + " workers");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < workers.size(); i++) {
      String address = workers.get(i);
      parsePort(i, address);
      if (!seen.add(address)) {
        throw new IllegalArgumentException(
            "worker " + i + " address '" + address + "' is listed twice in the cluster");
      }
    }
  }

  /** Tasks training together: 1 without a cluster. */
  public int taskCount() {
    return Math.max(1, workers.size());
  }

  /** More than one task, so collectives cross processes and a server is needed. */
  public boolean isMultiWorker() {
    return workers.size() > 1;
  }

  /** Task 0 (or the only process): owns the run folder, the event log and evaluation reports. */
  public boolean isChief() {
    return taskIndex == 0;
  }

  /** {@code host:port} of {@code task}. */
  public String address(int task) {
    if (task < 0 || task >= workers.size()) {
      throw new IllegalArgumentException(
          "task " + task + " is not in [0, " + workers.size() + ") of this cluster");
    }
    return workers.get(task);
  }

  public String host(int task) {
    String address = address(task);
    String host = address.substring(0, address.lastIndexOf(':'));
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  public int port(int task) {
    return parsePort(task, address(task));
  }

  /** TensorFlow's name of {@code task}'s device {@code cpuIndex}. */
  public String deviceName(int task, int cpuIndex) {
    return "/job:" + JOB + "/replica:0/task:" + task + "/device:CPU:" + cpuIndex;
  }

  private static int parsePort(int task, String address) {
    if (address == null) {
      throw new IllegalArgumentException("worker " + task + " address is missing (null)");
    }
    int colon = address.lastIndexOf(':');
    if (colon <= 0 || colon == address.length() - 1) {
      throw new IllegalArgumentException(
          "worker " + task + " address '" + address + "' must be host:port");
    }
    String host = address.substring(0, colon);
    if (host.isBlank() || host.contains(" ") || (host.contains(":") && !host.startsWith("["))) {
      throw new IllegalArgumentException(
          "worker "
              + task
              + " address '"
              + address
              + "' must be host:port (IPv6 hosts in brackets, e.g. [::1]:2222)");
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "worker " + task + " address '" + address + "' has a port that is not a number");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "worker " + task + " address '" + address + "' has port " + port + ", not in 1..65535");
    }
    return port;
  }
}
