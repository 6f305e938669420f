package dev.dawn.harness.train;

import dev.dawn.reporters.events.RunStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a run trains. The signal only raises a flag; the training loop
 * sees it at its next step or evaluation batch ({@link #check}), stops there (a run of one process
 * seen between steps first checkpoints its last completed step) and lets the runner write {@code
 * run_stop} with status {@code interrupted} or {@code killed} and the files of the finished epochs;
 * the CLI then exits 130 or 143 (128 + signal number, as a shell reports it). A step that does not
 * end within the grace period, or a second signal, ends the process at once: the event log then
 * stops like after kill -9 (dawn export still rebuilds the finished epochs).
 */
final class RunInterruption implements AutoCloseable {
  /** Why a run stopped early: the signal, and the status the run ends with. */
  enum Cause {
    INTERRUPTED("INT", RunStatus.INTERRUPTED),
    KILLED("TERM", RunStatus.KILLED);

    final String signal;
    final RunStatus status;

    Cause(String signal, RunStatus status) {
      this.signal = signal;
      this.status = status;
    }
  }

  /** Thrown by {@link #check} on the training thread once a signal came. */
  static final class Stopped extends RuntimeException {
    final Cause cause;

    Stopped(Cause cause) {
      super("stopped by SIG" + cause.signal);
      this.cause = cause;
    }
  }

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private final Consumer<String> log;
  private final Duration grace;
  private volatile Cause cause;

  private RunInterruption(Consumer<String> log, Duration grace) {
    this.log = log;
    this.grace = grace;
  }

  /**
   * Catches SIGINT and SIGTERM until {@link #close}; a platform without them keeps its default
   * handling.
   */
  static RunInterruption install(Consumer<String> log, Duration grace) {
    RunInterruption interruption = new RunInterruption(log, grace);
    for (Cause c : Cause.values()) {
      try {
        Signal signal = new Signal(c.signal);
        interruption.previous.put(signal, Signal.handle(signal, s -> interruption.signalled(c)));
      } catch (IllegalArgumentException unavailable) {
        // e.g. the JVM was started with -Xrs, or the OS has no such signal
      }
    }
    return interruption;
  }

  private void signalled(Cause c) {
    if (cause != null) {
      Runtime.getRuntime()
          .halt(c.status.exitCode()); // second signal: the user does not want to wait
    }
    cause = c;
    log.accept(
        "SIG"
            + c.signal
            + ": stopping after the current step (run_stop status "
            + c.status.word()
            + "); send it again to stop at once");
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
                Runtime.getRuntime().halt(c.status.exitCode());
              } catch (InterruptedException closedInTime) {
                Thread.currentThread().interrupt();
              }
            },
            "dawn-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  /**
   * @throws Stopped when a signal came since {@link #install}
   */
  void check() {
    Cause c = cause;
    if (c != null) {
      throw new Stopped(c);
    }
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
