package dev.dawn.workloads.inference;

/** One forward pass on a batch that is already in memory; {@link #close()} frees that batch. */
public interface BatchCall extends AutoCloseable {
  void run();

  @Override
  void close();
}
