package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.reporters.events.MlPerfSubmission;

/**
 * The MLPerf submission lines of a run, from its config's {@code submission} block: the author is
 * the organisation, the hardware (as in the DAWNBench JSON) the platform. Every dawn run trains an
 * image classifier, MLPerf's {@code resnet} benchmark.
 */
final class MlPerfSubmissionEvent {
  private MlPerfSubmissionEvent() {}

  static MlPerfSubmission of(TrainConfig config) {
    var s = config.submission();
    return new MlPerfSubmission(
        MlPerfSubmission.IMAGE_CLASSIFICATION,
        s.author(),
        s.mlperfDivision(),
        s.mlperfStatus(),
        config.submission().machineHardware());
  }
}
