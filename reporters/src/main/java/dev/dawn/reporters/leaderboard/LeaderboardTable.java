package dev.dawn.reporters.leaderboard;

import dev.dawn.reporters.dawnbench.Dataset;
import java.util.List;

/** One of the 12 tables: a data set and a kind, rows ranked ascending. */
public record LeaderboardTable(Dataset dataset, LeaderboardKind kind, List<LeaderboardRow> rows) {
  public LeaderboardTable {
    rows = List.copyOf(rows);
  }

  /** E.g. {@code ImageNet — Training Time}. */
  public String title() {
    return dataset + " \u2014 " + kind.title();
  }

  /** The column heading of the displayed figure. */
  public String figureLabel() {
    return switch (kind) {
      case TRAINING_TIME ->
          switch (dataset) {
            case IMAGENET -> "Time to 93% Top-5 Accuracy";
            case CIFAR10 -> "Time to 94% Accuracy";
            case SQUAD -> "Time to 0.75 F1";
          };
      case TRAINING_COST -> "Cost (USD)";
      case INFERENCE_LATENCY -> "1-example Latency (milliseconds)";
      case INFERENCE_COST -> "Cost per 10,000 examples (USD)";
    };
  }

  /** The first {@code n} rows (the site's front page shows 5). */
  LeaderboardTable top(int n) {
    return new LeaderboardTable(dataset, kind, rows.subList(0, Math.min(n, rows.size())));
  }
}
