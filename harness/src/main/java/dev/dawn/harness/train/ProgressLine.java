package dev.dawn.harness.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for people: a live line rewritten in place on a terminal, plain log lines
 * (every {@code logEverySteps} steps and at each epoch end) when the output goes to a file or CI
 * log.
 */
public final class ProgressLine {
  private final PrintStream out;
  private final boolean terminal;
  private final int logEverySteps;
  private int lastWidth;

  public ProgressLine(PrintStream out, boolean terminal, int logEverySteps) {
    this.out = out;
    this.terminal = terminal;
    this.logEverySteps = logEverySteps;
  }

  public static ProgressLine forStdout(int logEverySteps) {
    return new ProgressLine(
        System.out, System.console() != null && System.getenv("CI") == null, logEverySteps);
  }

  /** One training step done; {@code etaSeconds} is the estimate for the remaining epoch budget. */
  public void step(
      int epoch,
      int epochs,
      int step,
      int steps,
      double imagesPerSecond,
      double loss,
      double lr,
      double etaSeconds) {
    String line =
        String.format(
            Locale.ROOT,
            "epoch %d/%d  step %d/%d  %.0f img/s  loss %.4f  lr %.4f  ETA %s",
            epoch,
            epochs,
            step,
            steps,
            imagesPerSecond,
            loss,
            lr,
            clock(etaSeconds));
    if (terminal) {
      out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
      lastWidth = line.length();
      out.flush();
    } else if (step % logEverySteps == 0 || step == steps) {
      out.println(line);
    }
  }

  /** A line that stays: epoch results, the final summary. */
  public void message(String text) {
    if (terminal && lastWidth > 0) {
      out.print("\r" + " ".repeat(lastWidth) + "\r");
      lastWidth = 0;
    }
    out.println(text);
    out.flush();
  }

  /** m:ss or h:mm:ss; "--:--" when unknown. */
  public static String clock(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) return "--:--";
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
