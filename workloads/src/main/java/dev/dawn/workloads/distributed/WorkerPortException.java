package dev.dawn.workloads.distributed;

/** This task's worker server cannot listen on its {@code host:port}. */
public final class WorkerPortException extends RuntimeException {
  private final int taskIndex;
  private final String address;

  public WorkerPortException(int taskIndex, String address, String reason, Throwable cause) {
    super("worker task " + taskIndex + " cannot listen on " + address + ": " + reason, cause);
    this.taskIndex = taskIndex;
    this.address = address;
  }

  public int taskIndex() {
    return taskIndex;
  }

  public String address() {
    return address;
  }
}
