package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessThreadPoolsTest {
  @Test
  void theFirstSessionsSettingsStayInEffectForTheProcess() {
    // Whatever this JVM registered first (another test's session, or this request) stays in effect.
    ThreadSettings first = ProcessThreadPools.claim(new ThreadSettings(1, 1));
    ThreadSettings other = first.equals(new ThreadSettings(2, 3)) ? new ThreadSettings(4, 4) : new ThreadSettings(2, 3);
    assertThat(ProcessThreadPools.claim(other)).isEqualTo(first);
    other.toConfig(); // a session built with other settings changes nothing either
    assertThat(ProcessThreadPools.claim(ThreadSettings.TF_DEFAULT)).isEqualTo(first);
  }
}
