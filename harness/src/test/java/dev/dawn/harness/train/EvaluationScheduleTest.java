package dev.dawn.harness.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationScheduleTest {
  private static List<Integer> within(EvaluationSchedule s, int steps) {
    List<Integer> out = new ArrayList<>();
    for (int done = 1; done <= steps; done++) if (s.withinEpochAfter(done, steps)) out.add(done);
    return out;
  }

  @Test
  void quarterEpochsEvaluateAtEvenlySpacedStepsBeforeTheEnd() {
    EvaluationSchedule s = new EvaluationSchedule(4, 1, 10, 1);
    assertThat(within(s, 78)).containsExactly(20, 39, 59);
    assertThat(within(s, 8)).containsExactly(2, 4, 6);
    assertThat(s.atEndOf(1)).isTrue();
    assertThat(EvaluationSchedule.position(7, 39, 78)).isEqualTo(6.5);
  }

  @Test
  void boundariesThatCoincideCountOnceAndFallOnWholeUpdates() {
    assertThat(within(new EvaluationSchedule(4, 1, 10, 1), 2)).containsExactly(1);
    assertThat(within(new EvaluationSchedule(2, 1, 10, 4), 20)).containsExactly(12);
    assertThat(within(new EvaluationSchedule(1, 1, 10, 1), 20)).isEmpty();
  }

  @Test
  void wholeEpochIntervalsEvaluateEveryNthEpochAndTheLast() {
    EvaluationSchedule s = new EvaluationSchedule(1, 3, 7, 1);
    List<Integer> ends = new ArrayList<>();
    for (int e = 1; e <= 7; e++) if (s.atEndOf(e)) ends.add(e);
    assertThat(ends).containsExactly(3, 6, 7);
  }
}
