package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Cost;
import dev.dawn.reporters.dawnbench.Dataset;
import dev.dawn.reporters.dawnbench.Problem;
import dev.dawn.reporters.dawnbench.Submission;
import dev.dawn.reporters.dawnbench.SubmissionReader;
import dev.dawn.reporters.dawnbench.SubmissionValidator;
import dev.dawn.reporters.dawnbench.TrainingTsvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * The 12 DAWNBench tables ({ImageNet, CIFAR10, SQuAD} × {training time, training cost, inference
 * latency, inference cost}) built from entry files with the DAWNBench site's rules: one row per
 * JSON, time = hours of the FIRST TSV row reaching the threshold, cost tables only for priced
 * entries, ascending order.
 *
 * @param tables in dataset order ImageNet, CIFAR10, SQuAD, then kind order
 * @param excluded entries left out because they break a CI rule (they could not have been merged),
 *     have figures that cannot be ranked, or were written for a run that is not a DAWNBench entry
 *     (see SubmissionValidator)
 */
public record Leaderboard(List<LeaderboardTable> tables, List<Problem> excluded) {

  public Leaderboard {
    tables = List.copyOf(tables);
    excluded = List.copyOf(excluded);
  }

  /** Builds the tables from a corpus laid out like the entries repo. */
  public static Leaderboard fromCorpus(Path root) {
    return fromCorpus(root, List.of());
  }

  /**
   * Builds the tables from a corpus plus extra submissions (our runs), which are held to the same
   * CI rules: an extra that breaks one is left out and listed in {@link #excluded()}.
   */
  public static Leaderboard fromCorpus(Path root, List<Submission> extra) {
    List<Submission> valid = new ArrayList<>();
    List<Problem> excluded = new ArrayList<>();
    for (Path json : SubmissionValidator.corpusJsonFiles(root)) {
      List<Problem> problems = SubmissionValidator.validate(json);
      if (problems.isEmpty()) {
        valid.add(SubmissionReader.read(json));
      } else {
        excluded.addAll(problems);
      }
    }
    for (Submission s : extra) {
      List<Problem> problems = SubmissionValidator.validate(s);
      if (problems.isEmpty()) {
        valid.add(s);
      } else {
        excluded.addAll(problems);
      }
    }
    return new Leaderboard(tables(valid), excluded);
  }

  /** Ranks already-validated submissions (training ones must have their TSV beside them). */
  public static List<LeaderboardTable> tables(List<Submission> submissions) {
    List<LeaderboardTable> tables = new ArrayList<>();
    for (Dataset dataset : Dataset.values()) {
      for (LeaderboardKind kind : LeaderboardKind.values()) {
        List<Submission> candidates =
            submissions.stream()
                .filter(s -> s.dataset() == dataset && s.task() == kind.task())
                .toList();
        tables.add(rank(dataset, kind, candidates));
      }
    }
    return tables;
  }

  public LeaderboardTable table(Dataset dataset, LeaderboardKind kind) {
    return tables.stream()
        .filter(t -> t.dataset() == dataset && t.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  private static LeaderboardTable rank(
      Dataset dataset, LeaderboardKind kind, List<Submission> candidates) {
    record Scored(Submission s, double value) {}
    List<Scored> scored = new ArrayList<>();
    for (Submission s : candidates) {
      OptionalDouble v = score(kind, s);
      if (v.isPresent()) {
        scored.add(new Scored(s, v.getAsDouble()));
      }
    }
    // Stable sort on the raw value; equal values keep file-name order for a deterministic table.
    scored.sort(
        Comparator.comparingDouble(Scored::value)
            .thenComparing(sc -> sc.s().file().getFileName().toString()));
    DoubleFunction<String> display =
        switch (kind) {
          case TRAINING_TIME -> LeaderboardFigures::duration;
          case TRAINING_COST -> LeaderboardFigures::dollars;
          case INFERENCE_LATENCY -> LeaderboardFigures::latency;
          case INFERENCE_COST -> LeaderboardFigures::costPer10k;
        };
    List<LeaderboardRow> rows = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Scored sc = scored.get(i);
      String date = sc.s().timestamp().map(LeaderboardFigures::month).orElse("");
      rows.add(new LeaderboardRow(i + 1, display.apply(sc.value()), sc.value(), date, sc.s()));
    }
    return new LeaderboardTable(dataset, kind, rows);
  }

  /**
   * The raw sort key of a submission in a table of this kind; empty when it has none (unreached,
   * unpriced).
   */
  static OptionalDouble score(LeaderboardKind kind, Submission s) {
    return switch (kind) {
      case TRAINING_TIME -> hoursToThreshold(s);
      case TRAINING_COST -> {
        OptionalDouble hours = hoursToThreshold(s);
        OptionalDouble price = Cost.price(s.costPerHour());
        yield hours.isPresent() && price.isPresent()
            ? OptionalDouble.of(hours.getAsDouble() * price.getAsDouble())
            : OptionalDouble.empty();
      }
      case INFERENCE_LATENCY -> s.latency();
      case INFERENCE_COST -> Cost.price(s.cost());
    };
  }

  private static OptionalDouble hoursToThreshold(Submission s) {
    Dataset d = s.dataset();
    return TrainingTsvReader.read(s.trainingTsv()).hoursToReach(d.metric(), d.threshold());
  }
}
