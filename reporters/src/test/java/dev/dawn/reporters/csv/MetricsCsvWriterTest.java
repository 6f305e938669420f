package dev.dawn.reporters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.record.EpochRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-parallel columns appear when the log records them, and older logs keep their former file.
 */
class MetricsCsvWriterTest {

  @Test
  void dataParallelColumnsFollowTheLog() {
    String recorded =
        MetricsCsvWriter.write(
            List.of(new EpochRecord(1, 0.5, 0.6, 2.0, 0.1, 300.0, 40.0, 80.0, 2, 7, 1697856L)));
    assertThat(recorded)
        .isEqualTo(
            String.join(",", MetricsCsvWriter.HEADER)
                + ","
                + String.join(",", MetricsCsvWriter.DATA_PARALLEL_COLUMNS)
                + "\r\n"
                + "1,0.5,0.6,2.0,0.1,300.0,40.0,80.0,2,7,1697856\r\n");
    String older =
        MetricsCsvWriter.write(List.of(new EpochRecord(1, 0.5, 0.6, 2.0, 0.1, 300.0, 40.0, 80.0)));
    assertThat(older)
        .isEqualTo(
            String.join(",", MetricsCsvWriter.HEADER)
                + "\r\n"
                + "1,0.5,0.6,2.0,0.1,300.0,40.0,80.0\r\n");
  }
}
