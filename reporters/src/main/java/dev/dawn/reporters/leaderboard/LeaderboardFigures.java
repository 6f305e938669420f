package dev.dawn.reporters.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the DAWNBench site displays figures. Decimal rounding works on the exact binary value with
 * half-even, which is what Python's {@code '%.2f'} does.
 */
public final class LeaderboardFigures {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

  private LeaderboardFigures() {}

  /**
   * {@code ceil(hours × 3600)} seconds as {@code H:MM:SS}, hours unpadded and not wrapped at 24:
   * the DAWNBench site's display of a training time. The one time display of dawn ({@code dawn
   * train}, {@code runs}, {@code report}, {@code recipes}, {@code leaderboard}), so that one run
   * shows the same seconds everywhere. No tolerance is subtracted: the site rounds the hours
   * written in the TSV up, so a TSV whose hours are a hair above a whole second (57 s logged as
   * 0.015833333333333335 h, 57.00000000000001 s) shows the next second there too.
   */
  public static String duration(double hours) {
    long seconds = (long) Math.ceil(hours * 3600);
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** {@code $%.2f}. */
  public static String dollars(double usd) {
    return "$" + fixed(usd, 2);
  }

  /** Latency in ms, {@code %.4f}. */
  public static String latency(double ms) {
    return fixed(ms, 4);
  }

  /** Inference cost per item shown as USD per 10,000 items, {@code $%.2f}. */
  public static String costPer10k(double usdPerItem) {
    return dollars(usdPerItem * 10_000);
  }

  /** {@code Mon YYYY}, e.g. {@code Mar 2020}. */
  public static String month(LocalDate date) {
    return date.format(MONTH);
  }

  static String fixed(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }
}
