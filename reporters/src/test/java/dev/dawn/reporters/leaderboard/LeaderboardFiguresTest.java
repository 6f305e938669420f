package dev.dawn.reporters.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LeaderboardFiguresTest {
  @Test
  void formatsLikeThePublishedLeaderboard() {
    assertThat(LeaderboardFigures.duration(0.045093458)).isEqualTo("0:02:43"); // 162.336 s, ceiling
    assertThat(LeaderboardFigures.duration(2.0)).isEqualTo("2:00:00");
    assertThat(LeaderboardFigures.duration(30.5)).isEqualTo("30:30:00");
    // The site's ceil(hours x 3600), no tolerance: 57 s logged as 0.015833333333333335 h is
    // 57.00000000000001 s,
    // which the site shows as 0:00:58; dawn train once printed 0:00:57 for it (its own rounding,
    // with a tolerance).
    assertThat(LeaderboardFigures.duration(57_000 / 3.6e6)).isEqualTo("0:00:58");
    assertThat(LeaderboardFigures.duration(58_000 / 3.6e6)).isEqualTo("0:00:58");
    assertThat(LeaderboardFigures.dollars(7.425498886600001)).isEqualTo("$7.43");
    assertThat(LeaderboardFigures.dollars(49.296589585)).isEqualTo("$49.30");
    assertThat(LeaderboardFigures.dollars(6.8722975674999995)).isEqualTo("$6.87");
    assertThat(LeaderboardFigures.costPer10k(1.64e-06)).isEqualTo("$0.02");
    assertThat(LeaderboardFigures.costPer10k(7.31e-06)).isEqualTo("$0.07");
    assertThat(LeaderboardFigures.costPer10k(1.4805e-05)).isEqualTo("$0.15");
    assertThat(LeaderboardFigures.latency(9.96)).isEqualTo("9.9600");
    assertThat(LeaderboardFigures.latency(9.784310778490001)).isEqualTo("9.7843");
    assertThat(LeaderboardFigures.month(LocalDate.of(2020, 3, 10))).isEqualTo("Mar 2020");
  }

  @Test
  void roundsTheExactBinaryValueHalfEvenLikePython() {
    // 0.125 is exact: Python '%.2f' % 0.125 == '0.12'; 0.375 -> '0.38'; 2.675 is 2.67499999... ->
    // '2.67'.
    assertThat(LeaderboardFigures.dollars(0.125)).isEqualTo("$0.12");
    assertThat(LeaderboardFigures.dollars(0.375)).isEqualTo("$0.38");
    assertThat(LeaderboardFigures.dollars(2.675)).isEqualTo("$2.67");
  }
}
