package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.Task;
import java.util.OptionalDouble;

/**
 * One of our runs that is not a DAWNBench entry (synthetic data, fewer classes, a subset or a
 * {@code --limit} run): shown in its own "not DAWNBench-comparable" table under the 12 ranked ones,
 * never given a rank, because its figure measures a different task than the entries'.
 *
 * @param submission the run's file, read in the format it was written in
 * @param figure time to the format's threshold ({@code H:MM:SS}) or batch-1 latency in ms, as the
 *     ranked tables display them; {@code "target not reached"} or {@code "no latency"} when there
 *     is none
 * @param reason why the run is not an entry
 */
public record NotComparableRow(Submission submission, String figure, String reason) {

  /** The row of a run's file, its figure computed as the ranked tables compute theirs. */
  public static NotComparableRow of(Submission s, String reason) {
    boolean training = s.task() == Task.TRAIN;
    String figure;
    try {
      OptionalDouble v =
          Leaderboard.score(
              training ? LeaderboardKind.TRAINING_TIME : LeaderboardKind.INFERENCE_LATENCY, s);
      figure =
          v.isPresent() && Double.isFinite(v.getAsDouble())
              ? (training
                  ? LeaderboardFigures.duration(v.getAsDouble())
                  : LeaderboardFigures.latency(v.getAsDouble()))
              : (training ? "target not reached" : "no latency");
    } catch (RuntimeException e) { // a broken TSV still lists the run, with why it is not ranked
      figure = "unreadable: " + e.getMessage();
    }
    return new NotComparableRow(s, figure, reason);
  }

  /**
   * E.g. {@code ImageNet training}: the format of the files, which is not a claim to be that task's
   * entry.
   */
  public String format() {
    return submission.dataset()
        + " "
        + (submission.task() == Task.TRAIN ? "training" : "inference");
  }
}
