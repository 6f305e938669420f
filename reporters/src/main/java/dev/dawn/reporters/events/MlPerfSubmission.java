package dev.dawn.reporters.events;

import java.util.List;
import java.util.Objects;

/**
 * The MLPerf submission a run belongs to: five POINT_IN_TIME lines ({@code submission_benchmark},
 * {@code _org}, {@code _division}, {@code _status}, {@code _platform}, in the order of MLPerf's own
 * {@code mlperf_submission_log}), written during initialisation.
 *
 * @param benchmark MLPerf's benchmark name; {@link #IMAGE_CLASSIFICATION} for every dawn run
 * @param org who submits
 * @param division one of {@link #DIVISIONS}
 * @param status availability of the system, one of {@link #STATUSES}
 * @param platform the system it ran on
 */
public record MlPerfSubmission(
    String benchmark, String org, String division, String status, String platform) {
  /** MLPerf Training's image classification benchmark (ResNet-50 on ImageNet). */
  public static final String IMAGE_CLASSIFICATION = "resnet";

  /** The divisions MLPerf Training accepts. */
  public static final List<String> DIVISIONS = List.of("closed", "open");

  /** The availabilities MLPerf Training 3.0.0 accepts. */
  public static final List<String> STATUSES = List.of("cloud", "onprem", "preview", "research");

  public MlPerfSubmission {
    Objects.requireNonNull(benchmark, "benchmark");
    requireText(MlLogKeys.SUBMISSION_ORG, org);
    requireText(MlLogKeys.SUBMISSION_PLATFORM, platform);
    requireOneOf(MlLogKeys.SUBMISSION_DIVISION, division, DIVISIONS);
    requireOneOf(MlLogKeys.SUBMISSION_STATUS, status, STATUSES);
  }

  /** The lines, in the order MLPerf's logging package writes them. */
  public List<Hyperparameter> events() {
    return List.of(
        new Hyperparameter(MlLogKeys.SUBMISSION_BENCHMARK, benchmark),
        new Hyperparameter(MlLogKeys.SUBMISSION_ORG, org),
        new Hyperparameter(MlLogKeys.SUBMISSION_DIVISION, division),
        new Hyperparameter(MlLogKeys.SUBMISSION_STATUS, status),
        new Hyperparameter(MlLogKeys.SUBMISSION_PLATFORM, platform));
  }

  private static void requireText(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }

  private static void requireOneOf(String key, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          key + " must be one of " + allowed + ", got '" + value + "'");
    }
  }
}
