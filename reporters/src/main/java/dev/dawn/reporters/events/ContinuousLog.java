package dev.dawn.reporters.events;

import java.util.ArrayList;
import java.util.List;

/**
 * A resumed run's log read as one continuous run: each {@code run_resume} line ({@link RunResume})
 * leaves out the lines between the first {@code log_lines} lines and itself, which the stopped
 * process wrote after the checkpoint the run continued from. The rule is applied line by line, so a
 * run resumed several times reads the same way; a log without {@code run_resume} is unchanged.
 */
public final class ContinuousLog {
  private ContinuousLog() {}

  /**
   * @param lines every line of a log, in order ({@link EventLogReader#readLines})
   * @throws IllegalArgumentException naming the line of a run_resume that keeps lines it comes
   *     before
   */
  public static List<Event> of(List<Event> lines) {
    List<Event> kept = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Event e = lines.get(i);
      if (RunResume.KIND.matches(e)) {
        int keep = RunResume.KIND.decode(e).logLines();
        if (keep > i) {
          throw new IllegalArgumentException(
              "line "
                  + (i + 1)
                  + ": run_resume keeps the first "
                  + keep
                  + " lines, more than come before it");
        }
        while (!lineOf.isEmpty() && lineOf.get(lineOf.size() - 1) >= keep) {
          kept.remove(kept.size() - 1);
          lineOf.remove(lineOf.size() - 1);
        }
      }
      kept.add(e);
      lineOf.add(i);
    }
    return List.copyOf(kept);
  }
}
