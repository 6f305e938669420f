package dev.dawn.harness.project;

import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The printed form of {@code dawn project check} on the published entries: one row per entry
 * (central projection, error, role, where the time goes, and the band where its files leave figures
 * open), then the counts: within +-25%, predicted entries' mean |error|, and how many published
 * times lie inside their bands and how wide those are.
 */
public final class PublishedCheckTable {
  private PublishedCheckTable() {}

  public static void print(List<PublishedCheck.Row> rows, PrintWriter o) {
    o.println(
        "entry                                        GPUs hardware    network              stack                  "
            + " speed epoch  published_h  projected_h   error  role       compute/comm/input  band_h");
    double predictedAbs = 0;
    int predicted = 0;
    for (var r : rows) {
      var p = r.projection();
      o.printf(
          Locale.ROOT,
          "%-44s %4d %-11s %-20s %-22s %6.3f %5d %12.5f %12.5f %+6.1f%%  %-9s  %3.0f/%.0f/%.0f%%  %s%n",
          r.entry().label(),
          r.entry().devices(),
          r.entry().hardware(),
          r.entry().network(),
          r.entry().stack(),
          r.stack().speedFactor(),
          r.targetEpoch(),
          r.publishedHours(),
          r.projectedHours(),
          100 * r.relativeError(),
          r.fitted() ? "fitted" : "predicted",
          100 * p.computeHours() / p.totalHours(),
          100 * p.communicationHours() / p.totalHours(),
          100 * p.inputHours() / p.totalHours(),
          r.open()
              ? String.format(Locale.ROOT, "%.5f-%.5f", r.band().low(), r.band().high())
              : "- (no open figure)");
      if (!r.fitted()) {
        predictedAbs += Math.abs(r.relativeError());
        predicted++;
      }
    }
    long within = rows.stream().filter(r -> Math.abs(r.relativeError()) <= 0.25).count();
    long predictedWithin =
        rows.stream().filter(r -> !r.fitted() && Math.abs(r.relativeError()) <= 0.25).count();
    o.printf(
        Locale.ROOT,
        "%d of %d within +-25%%; predicted entries: %d of %d within +-25%%, mean |error| %.1f%%%n",
        within,
        rows.size(),
        predictedWithin,
        predicted,
        predicted == 0 ? 0 : 100 * predictedAbs / predicted);
    List<PublishedCheck.Row> open = rows.stream().filter(PublishedCheck.Row::open).toList();
    if (open.isEmpty()) return;
    long inside = open.stream().filter(r -> r.band().holds(r.publishedHours())).count();
    o.printf(
        Locale.ROOT,
        "bands (entries whose files leave figures open: the lowest and highest projection over the"
            + " ends of every range): %d of %d published times inside their band; widths %.2fx to"
            + " %.2fx (high / low)%n",
        inside,
        open.size(),
        open.stream().mapToDouble(r -> r.band().ratio()).min().orElse(1),
        open.stream().mapToDouble(r -> r.band().ratio()).max().orElse(1));
    for (var r : open) {
      var b = r.band();
      String where =
          b.holds(r.publishedHours())
              ? "inside"
              : r.publishedHours() < b.low() ? "BELOW the band" : "ABOVE the band";
      o.printf(
          Locale.ROOT,
          "  %s: band %.5f-%.5f h (%s-%s, %.2fx), published %.5f h (%s): %s%n",
          r.entry().label(),
          b.low(),
          b.high(),
          LeaderboardFigures.duration(b.low()),
          LeaderboardFigures.duration(b.high()),
          b.ratio(),
          r.publishedHours(),
          LeaderboardFigures.duration(r.publishedHours()),
          where);
    }
  }
}
