package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightTensorTest {
  @Test
  void rejectsShapeValueMismatch() {
    assertThatThrownBy(() -> new WeightTensor("w", new long[] {2, 2}, new float[3]))
        .hasMessageContaining("'w'")
        .hasMessageContaining("needs 4");
  }
}
