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
            List.of(
                new EpochRecord(
                    1, 0.5, 0.6, 2.0, 0.1, 300.0, 40.0, 80.0, 2, 7, 1697856L, null, null, null,
                    null)));
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

  @Test
  void stepSplitColumnsFollowTheWorkerCountAndStayBlankWhereNotMeasured() {
    String csv =
        MetricsCsvWriter.write(
            List.of(
                new EpochRecord(
                    1, 0.5, 0.6, 2.0, 0.1, 300.0, 40.0, 80.0, 1, 0, 0L, 2, 41.5, 8.25, null),
                new EpochRecord(
                    2, 0.9, 1.0, 1.5, 0.1, 310.0, 50.0, 90.0, 1, 0, 0L, 1, null, null, null)));
    assertThat(csv)
        .isEqualTo(
            String.join(",", MetricsCsvWriter.HEADER)
                + ","
                + String.join(",", MetricsCsvWriter.DATA_PARALLEL_COLUMNS)
                + ","
                + String.join(",", MetricsCsvWriter.STEP_SPLIT_COLUMNS)
                + "\r\n"
                + "1,0.5,0.6,2.0,0.1,300.0,40.0,80.0,1,0,0,2,41.5,8.25\r\n"
                + "2,0.9,1.0,1.5,0.1,310.0,50.0,90.0,1,0,0,1,,\r\n");
  }
}
