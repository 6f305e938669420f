package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessThreadPoolsTest {
  @Test
  void theFirstSessionsSettingsStayInEffectForTheProcess() {
    // Whatever this JVM registered first (another test's session, or this request) stays in effect.
    ThreadSettings first = ProcessThreadPools.claim(new ThreadSettings(1, 1));
    ThreadSettings other =
        first.equals(new ThreadSettings(2, 3))
            ? new ThreadSettings(4, 4)
            : new ThreadSettings(2, 3);
    assertThat(ProcessThreadPools.claim(other)).isEqualTo(first);
    other.toConfig(); // a session built with other settings changes nothing either
    assertThat(ProcessThreadPools.claim(ThreadSettings.TF_DEFAULT)).isEqualTo(first);
  }

  @Test
  void aRequestThatCannotTakeEffectIsReportedWithBothSettings() {
    ThreadSettings first = ProcessThreadPools.claim(new ThreadSettings(1, 1));
    ThreadSettings other =
        first.equals(new ThreadSettings(2, 3))
            ? new ThreadSettings(4, 4)
            : new ThreadSettings(2, 3);
    java.util.List<String> warnings = new java.util.ArrayList<>();
    assertThat(ProcessThreadPools.claim(first, warnings::add)).isEqualTo(first);
    assertThat(warnings).isEmpty();
    assertThat(ProcessThreadPools.claim(other, warnings::add)).isEqualTo(first);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(first.intraOp() + "/" + first.interOp())
        .contains(other.intraOp() + "/" + other.interOp());
  }
}
