package dev.dawn.harness.train;

import dev.dawn.reporters.events.EventLog;
import dev.dawn.reporters.events.InitStart;
import dev.dawn.reporters.events.InitStop;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;

/**
 * A run's intervals in the order MLPerf's rules ask for, whatever happens: {@code init_start}
 * (stamped when preparation began, before the run folder and its log existed), then {@code
 * init_stop} and {@code run_start} together when training is about to begin, and {@code run_stop}
 * last. A run that ends while initialising gets its {@code init_stop} and {@code run_start} right
 * before its {@code run_stop}, so that every reader finds a complete log (MLPerf counts it as
 * aborted).
 */
final class RunLifecycle {
  private final EventLog events;
  private final String runId;
  private boolean running;

  private RunLifecycle(EventLog events, String runId) {
    this.events = events;
    this.runId = runId;
  }

  /** Writes {@code init_start} stamped {@code initStartMs}. */
  static RunLifecycle begin(EventLog events, String runId, long initStartMs) {
    events.writeAt(new InitStart(), initStartMs);
    return new RunLifecycle(events, runId);
  }

  /**
   * A resumed run's: its log already holds {@code init_start} through {@code run_start} (MLPerf's
   * clock runs from the first start to the last stop), so only {@code run_stop} is left to write.
   */
  static RunLifecycle resumed(EventLog events, String runId) {
    RunLifecycle lifecycle = new RunLifecycle(events, runId);
    lifecycle.running = true;
    return lifecycle;
  }

  /** Ends initialisation: MLPerf's clock starts here. Once only. */
  void startRun() {
    if (running) return;
    events.write(new InitStop());
    events.write(new RunStart(runId));
    running = true;
  }

  /** {@code run_stop} with dawn's {@code status} word; starts the run first if it had not. */
  void stop(RunStatus status, String reason) {
    startRun();
    events.write(RunStop.of(status, reason));
  }
}
