package dev.dawn.reporters.record;

import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.Cost;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.events.DawnbenchEntryFields;
import dev.dawn.reporters.events.EpochStop;
import dev.dawn.reporters.events.EvalAccuracy;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventFields;
import dev.dawn.reporters.events.EventType;
import dev.dawn.reporters.events.InitStart;
import dev.dawn.reporters.events.RunResume;
import dev.dawn.reporters.events.RunStart;
import dev.dawn.reporters.events.RunStatus;
import dev.dawn.reporters.events.RunStop;
import dev.dawn.reporters.events.TrainStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Everything known about one training run, derived only from its events, and the one reading of its
 * outcome: {@link #targetEvaluation} (time and epochs to target), {@link #bestEvaluation} (best
 * accuracy) and {@link #imagesPerSecond}, all over every evaluation including those within an
 * epoch. Every output (summary, charts, TSV, sweep files, {@code dawn compare}, TensorBoard) takes
 * these quantities from here, so no two of them can disagree.
 *
 * @param runId {@code run_start.metadata.run_id}
 * @param entry the {@code dawnbench_entry} fields
 * @param hyperparameters every other POINT_IN_TIME key except {@code train_step} (hyperparameters
 *     and run information), last value wins
 * @param epochs epochs that finished AND were evaluated at their end, in log order
 * @param evaluations every evaluation, within epochs too, in log order: the DAWNBench TSV rows and
 *     what time to target is read from
 * @param status {@code run_stop.metadata.status}, or {@code killed} ({@link RunStatus#KILLED}) when
 *     there is no run_stop
 * @param reason {@code run_stop.metadata.reason}, null when absent
 * @param resumes each time the run continued from a checkpoint ({@code run_resume}), in log order;
 *     empty for a run that was never resumed (the log is read as one continuous run: {@link
 *     dev.dawn.reporters.events.ContinuousLog})
 */
public record RunRecord(
    String runId,
    DawnbenchEntry entry,
    Map<String, Object> hyperparameters,
    List<EpochRecord> epochs,
    List<EvaluationPoint> evaluations,
    String status,
    String reason,
    List<RunResume> resumes) {

  /**
   * Status of a log without {@code run_stop}: the writer was killed (or, if read while training, is
   * still running; the events cannot tell the two apart, and a finished run always writes
   * run_stop).
   */
  public RunRecord {
    hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    epochs = List.copyOf(epochs);
    evaluations = List.copyOf(evaluations);
    resumes = List.copyOf(resumes);
  }

  public static RunRecord fromEvents(List<Event> events) {
    String runId = null;
    DawnbenchEntry entry = null;
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    Map<Integer, EpochStop> epochStops = new LinkedHashMap<>();
    Map<Integer, String> resumedAt = new LinkedHashMap<>(); // epoch -> checkpoint resumed from
    Set<Integer> evaluated = new HashSet<>();
    List<EpochRecord> epochs = new ArrayList<>();
    List<EvaluationPoint> evaluations = new ArrayList<>();
    String status = RunStatus.KILLED.word();
    String reason = null;
    boolean stopped = false;
    List<RunResume> resumes = new ArrayList<>();
    String resumedFrom = null; // until the first epoch that ends after a resume

    for (Event e : events) {
      if (RunStart.KIND.matches(e)) {
        if (runId != null) {
          throw new IllegalArgumentException(
              EventFields.where(e) + ": a second run_start; one log holds one run");
        }
        runId = RunStart.KIND.decode(e).runId();
      } else if (RunResume.KIND.matches(e)) {
        RunResume resume = RunResume.KIND.decode(e);
        resumes.add(resume);
        resumedFrom = resume.folder();
      } else if (EpochStop.KIND.matches(e)) {
        EpochStop stop = EpochStop.KIND.decode(e);
        if (resumedFrom != null) {
          resumedAt.put(stop.epoch(), resumedFrom);
          resumedFrom = null;
        }
        if (epochStops.putIfAbsent(stop.epoch(), stop) != null) {
          throw new IllegalArgumentException(
              EventFields.where(e) + ": epoch_num " + stop.epoch() + " stopped twice");
        }
      } else if (RunStop.KIND.matches(e)) {
        stopped = true;
        RunStop stop = RunStop.KIND.decode(e);
        status = stop.status();
        reason = stop.reason();
      } else if (EvalAccuracy.KIND.matches(e)) {
        EvalAccuracy eval = EvalAccuracy.KIND.decode(e);
        if (eval.midEpoch()) {
          if (eval.trainTimeMs() == null) {
            throw new IllegalArgumentException(
                EventFields.where(e)
                    + ": eval_accuracy within epoch_num "
                    + eval.epoch()
                    + " (epoch_position "
                    + eval.position()
                    + ") has no train_time_ms");
          }
          evaluations.add(point(eval, eval.trainTimeMs()));
          continue;
        }
        EpochStop stop = epochStops.get(eval.epoch());
        if (stop == null) {
          throw new IllegalArgumentException(
              EventFields.where(e)
                  + ": eval_accuracy for epoch_num "
                  + eval.epoch()
                  + " has no earlier epoch_stop");
        }
        if (!evaluated.add(eval.epoch())) {
          throw new IllegalArgumentException(
              EventFields.where(e) + ": epoch_num " + eval.epoch() + " evaluated twice");
        }
        epochs.add(epochRecord(stop, eval, resumedAt.get(eval.epoch())));
        evaluations.add(
            point(eval, eval.trainTimeMs() == null ? stop.trainTimeMs() : eval.trainTimeMs()));
      } else if (DawnbenchEntryFields.KIND.matches(e)) {
        entry = DawnbenchEntry.fromMap(DawnbenchEntryFields.KIND.decode(e).fields());
      } else if (e.eventType().equals(EventType.POINT_IN_TIME) && !TrainStep.KIND.matches(e)) {
        hyperparameters.put(e.key(), e.value()); // per-step series: see StepSeries
      }
    }
    if (runId == null) {
      throw new IllegalArgumentException(
          "event log has no run_start (INTERVAL_START) event"
              + (events.stream().anyMatch(InitStart.KIND::matches)
                  ? ": the run stopped while initialising, before training began"
                  : ""));
    }
    if (entry == null) {
      throw new IllegalArgumentException(
          "event log of run " + runId + " has no dawnbench_entry event");
    }
    if (!stopped) {
      status = RunStatus.KILLED.word();
    }
    return new RunRecord(
        runId, entry, hyperparameters, epochs, evaluations, status, reason, resumes);
  }

  private static EvaluationPoint point(EvalAccuracy eval, long trainTimeMs) {
    return new EvaluationPoint(
        eval.position(), trainTimeMs / 3.6e6, percent(eval.top1()), percent(eval.top5()));
  }

  private static EpochRecord epochRecord(EpochStop stop, EvalAccuracy eval, String resumedFrom) {
    return new EpochRecord(
        stop.epoch(),
        stop.trainTimeMs() / 3.6e6,
        stop.wallTimeMs() / 3.6e6,
        stop.loss(),
        stop.learningRate(),
        stop.imagesPerSecond(),
        percent(eval.top1()),
        percent(eval.top5()),
        stop.replicas(),
        stop.allReduceBuckets(),
        stop.allReducedBytesPerStep(),
        stop.workers(),
        stop.computeMsPerStep(),
        stop.exposedCommMsPerStep(),
        resumedFrom);
  }

  /**
   * Fraction to percent in decimal, so 0.93 gives exactly 93.0 (binary {@code 0.93 * 100} can land
   * a hair below, which would wrongly miss a 93% threshold).
   */
  static double percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return fraction;
    }
    return BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
  }

  /** True when the run continued from a checkpoint at least once. */
  public boolean resumed() {
    return !resumes.isEmpty();
  }

  /**
   * The resumes in words, e.g. {@code resumed from checkpoints/ckpt-240 at epoch 3 (epoch 4 trained
   * again)}, joined with "; " when there were several; empty for a run never resumed. What the
   * DAWNBench JSON's misc, the chart, the report and TensorBoard say.
   */
  public String resumeNote() {
    return String.join("; ", resumes.stream().map(RunRecord::describe).toList());
  }

  /** One resume in words, the epoch as the TSV's epochs are shown. */
  public static String describe(RunResume r) {
    List<Integer> again = r.redoneEpochs();
    return "resumed from "
        + r.folder()
        + " at epoch "
        + EvaluationPoint.epochLabel(r.epochPosition())
        + (again.isEmpty()
            ? ""
            : " ("
                + (again.size() == 1 ? "epoch " : "epochs ")
                + String.join(", ", again.stream().map(String::valueOf).toList())
                + " trained again)");
  }

  /** True when the log has a {@code run_stop}. */
  public boolean finished() {
    return !RunStatus.KILLED.word().equals(status);
  }

  /**
   * The first evaluation whose metric reaches the threshold (DAWNBench: the first row counts, later
   * dips don't). The one definition of reaching the target: time and epochs to target, the TSV, the
   * report, the sweep files, TensorBoard and every comparison read it from here.
   */
  public Optional<EvaluationPoint> targetEvaluation() {
    AccuracyTarget target = entry.target();
    return evaluations.stream()
        .filter(e -> target.reachedBy(e.metric(target.metric())))
        .findFirst();
  }

  /** Training hours to the first evaluation at or above the threshold; empty when never reached. */
  public OptionalDouble hoursToTarget() {
    return targetEvaluation().map(e -> OptionalDouble.of(e.hours())).orElse(OptionalDouble.empty());
  }

  /**
   * Epochs trained at the first evaluation at or above the threshold (fractional when evaluated
   * within an epoch); empty when never reached.
   */
  public OptionalDouble epochsToTarget() {
    return targetEvaluation().map(e -> OptionalDouble.of(e.epoch())).orElse(OptionalDouble.empty());
  }

  /**
   * The first evaluation with the highest value of the target's metric, mid-epoch evaluations
   * included; empty without one.
   */
  public Optional<EvaluationPoint> bestEvaluation() {
    String metric = entry.metric();
    EvaluationPoint best = null;
    for (EvaluationPoint e : evaluations) {
      if (best == null || e.metric(metric) > best.metric(metric)) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The highest value of the target's metric over every evaluation (percent); empty without one.
   * What a run that missed the target got to, so two recipes that both missed can still be told
   * apart.
   */
  public OptionalDouble bestAccuracy() {
    return bestEvaluation()
        .map(e -> OptionalDouble.of(e.metric(entry.metric())))
        .orElse(OptionalDouble.empty());
  }

  /**
   * Images trained over training seconds, all finished epochs (each epoch's rate weighted by its
   * duration, so a slow epoch weighs what it cost); empty without a finished epoch with a rate.
   */
  public OptionalDouble imagesPerSecond() {
    double images = 0;
    double hours = 0;
    double previous = 0;
    for (EpochRecord e : epochs) {
      double dt = e.hours() - previous;
      previous = e.hours();
      if (dt > 0 && Double.isFinite(e.imagesPerSecond())) {
        images += e.imagesPerSecond() * dt;
        hours += dt;
      }
    }
    return hours > 0 ? OptionalDouble.of(images / hours) : OptionalDouble.empty();
  }

  /**
   * A step's forward and backward pass alone (ms), the mean over the epochs that measured it (runs
   * of several replicas or workers); empty when none did.
   */
  public OptionalDouble computeMsPerStep() {
    return meanOverEpochs(EpochRecord::computeMsPerStep);
  }

  /**
   * A step's communication not hidden behind its computation (ms: the mean step time minus {@link
   * #computeMsPerStep}), the mean over the epochs that measured it; empty when none did.
   */
  public OptionalDouble exposedCommMsPerStep() {
    return meanOverEpochs(EpochRecord::exposedCommMsPerStep);
  }

  private OptionalDouble meanOverEpochs(java.util.function.Function<EpochRecord, Double> value) {
    return epochs.stream()
        .map(value)
        .filter(v -> v != null && Double.isFinite(v))
        .mapToDouble(Double::doubleValue)
        .average();
  }

  /** Hours to target × costPerHour, when both exist ({@link Cost}: 0 is no price). */
  public OptionalDouble costToTarget() {
    Double price = Cost.price(entry.costPerHour());
    if (price == null || hoursToTarget().isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(hoursToTarget().getAsDouble() * price);
  }
}
