package dev.dawn.workloads.distributed;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * A collective could not complete because another worker is gone or did not answer within the
 * collective timeout, which every run on a worker server carries as its {@link RunDeadline}: the
 * run cannot go on. TensorFlow reports this as UNAVAILABLE (the peer's connection failed) or
 * DEADLINE_EXCEEDED (the deadline ran out), both as a plain {@link TensorFlowException}; the
 * original is the cause.
 */
public final class WorkerLostException extends RuntimeException {
  private static final Pattern TASK =
      Pattern.compile("/job:" + Cluster.JOB + "/replica:0/task:(\\d+)");

  private final Set<Integer> suspectedTasks;

  private WorkerLostException(String message, Set<Integer> suspectedTasks, Throwable cause) {
    super(message, cause);
    this.suspectedTasks = Set.copyOf(suspectedTasks);
  }

  /** Other tasks the TensorFlow error names; every other task when it names none (a timeout). */
  public Set<Integer> suspectedTasks() {
    return suspectedTasks;
  }

  /**
   * @param action what failed, e.g. "train step 12"
   */
  public static WorkerLostException from(
      Cluster cluster, String action, int timeoutSeconds, TensorFlowException cause) {
    Set<Integer> tasks = new TreeSet<>();
    String text = String.valueOf(cause.getMessage());
    Matcher m = TASK.matcher(text);
    while (m.find()) {
      int task = Integer.parseInt(m.group(1));
      if (task != cluster.taskIndex()) {
        tasks.add(task);
      }
    }
    // A timeout names no peer: then every other task is a suspect (with two workers, the other
    // one).
    boolean named = !tasks.isEmpty();
    if (!named) {
      for (int t = 0; t < cluster.taskCount(); t++) {
        if (t != cluster.taskIndex()) {
          tasks.add(t);
        }
      }
    }
    String listed =
        String.join(", ", tasks.stream().map(t -> t + " (" + cluster.address(t) + ")").toList());
    String who =
        tasks.size() == 1
            ? "worker task " + listed
            : (named ? "worker tasks " : "one of worker tasks ") + listed;
    // TF prefixes "From /job:...:" on a line of its own; the reason is the next line
    String firstLine =
        text.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("From /job:"))
            .findFirst()
            .orElse("")
            .strip();
    if (firstLine.length() > 300) {
      firstLine = firstLine.substring(0, 300) + "...";
    }
    return new WorkerLostException(
        "worker task "
            + cluster.taskIndex()
            + ": "
            + action
            + " failed, "
            + who
            + " is gone or did not answer within the "
            + timeoutSeconds
            + " s collective timeout ("
            + firstLine
            + ")",
        tasks,
        cause);
  }
}
