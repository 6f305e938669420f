package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Task;

/** The four DAWNBench tables per data set. */
public enum LeaderboardKind {
  TRAINING_TIME("Training Time", Task.TRAIN),
  TRAINING_COST("Training Cost", Task.TRAIN),
  INFERENCE_LATENCY("Inference Latency", Task.INFERENCE),
  INFERENCE_COST("Inference Cost", Task.INFERENCE);

  private final String title;
  private final Task task;

  LeaderboardKind(String title, Task task) {
    this.title = title;
    this.task = task;
  }

  public String title() {
    return title;
  }

  public Task task() {
    return task;
  }
}
