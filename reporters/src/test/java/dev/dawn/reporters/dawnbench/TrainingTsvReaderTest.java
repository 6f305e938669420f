package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainingTsvReaderTest {
  static final Path FILE = Path.of("x.tsv");

  @Test
  void bomCrlfBlankLinesTrailingSpacesAndAnyColumnOrder() {
    TrainingLog log =
        TrainingTsvReader.parse(
            FILE,
            "\uFEFFhours\tepoch \ttop1Accuracy\r\n0.5\t1.00096\t93.5 \r\n\r\n1.0\t2\t94.0\r\n\r\n");
    assertThat(log.columns()).containsExactly("hours", "epoch", "top1Accuracy");
    assertThat(log.rows()).hasSize(2);
    assertThat(log.value(0, "epoch")).isEqualTo(1.00096);
    assertThat(log.value(1, "top1Accuracy")).isEqualTo(94.0);
    assertThat(log.hoursToReach("top1Accuracy", 94.0)).hasValue(1.0);
    assertThat(log.max("top1Accuracy")).hasValue(94.0);
  }

  @Test
  void firstRowReachingThresholdCountsEvenIfLaterRowsDip() {
    TrainingLog log =
        TrainingTsvReader.parse(
            FILE, "epoch\thours\ttop1Accuracy\n89\t0.5\t94.03\n90\t0.6\t93.89\n91\t0.7\t94.1");
    assertThat(log.hoursToReach("top1Accuracy", 94.0)).hasValue(0.5);
    assertThat(log.hoursToReach("top1Accuracy", 95.0)).isEmpty();
  }

  @Test
  void badNumberNamesFileLineAndColumn() {
    assertThatThrownBy(() -> TrainingTsvReader.parse(FILE, "epoch\thours\n1\t0.1\n2\tabc\n"))
        .hasMessageContaining("x.tsv:3")
        .hasMessageContaining("'hours'")
        .hasMessageContaining("abc");
  }

  @Test
  void wrongFieldCountIsAnError() {
    assertThatThrownBy(() -> TrainingTsvReader.parse(FILE, "epoch\thours\n1\t0.1\t7\n"))
        .hasMessageContaining("x.tsv:2")
        .hasMessageContaining("3 fields");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> TrainingTsvReader.parse(FILE, "\n\n"))
        .hasMessageContaining("no header");
  }
}
