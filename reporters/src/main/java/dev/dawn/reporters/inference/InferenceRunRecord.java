package dev.dawn.reporters.inference;

import dev.dawn.reporters.csv.LatencyCsv;
import dev.dawn.reporters.dawnbench.AccuracyTarget;
import dev.dawn.reporters.dawnbench.DawnbenchEntry;
import dev.dawn.reporters.events.Event;
import dev.dawn.reporters.events.EventLogReader;
import dev.dawn.reporters.events.InferenceSettings;
import dev.dawn.reporters.events.InferenceVariantResult;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.latency.ImageLatency;
import dev.dawn.reporters.profile.OpProfile;
import dev.dawn.reporters.profile.ProfileExporter;
import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dawn infer run folder as read back: one entry per variant from the {@code inference_variant}
 * events, with the per-image batch-1 samples of {@code latencies-<variant>.csv} when present, and
 * what the run was measured with.
 *
 * @param weights the {@code inference_weights} value (which weights the variants ran, e.g. {@code
 *     trained: <run folder>}); null in logs without it
 * @param settings the {@code inference_settings} event; null when the log has none that reads
 * @param target the task's accuracy gate ({@link #targetOf}); null without one
 * @param environment {@code environment.json} flattened to dotted keys; empty without it
 * @param profiles the {@code op_profile} events of {@code --profile}, possibly none
 */
public record InferenceRunRecord(
    String id,
    Path dir,
    List<InferenceVariantResult> variants,
    Map<String, List<ImageLatency>> perImage,
    String weights,
    InferenceSettings settings,
    AccuracyTarget target,
    Map<String, String> environment,
    List<OpProfile> profiles) {

  public static boolean isInferenceRun(Path dir) {
    return Files.isRegularFile(dir.resolve(RunFolder.INFERENCE_SUMMARY));
  }

  public static InferenceRunRecord read(Path dir) {
    List<Event> events = EventLogReader.read(dir.resolve(RunFolder.EVENTS));
    List<InferenceVariantResult> variants = InferenceVariantResult.KIND.in(events);
    Map<String, List<ImageLatency>> perImage = new LinkedHashMap<>();
    for (InferenceVariantResult v : variants) {
      String label = v.variant();
      Path csv = dir.resolve(LatencyCsv.fileName(label));
      if (Files.isRegularFile(csv)) perImage.put(label, LatencyCsv.read(csv));
    }
    String weights =
        events.stream()
            .filter(e -> MlLogKeys.INFERENCE_WEIGHTS.equals(e.key()) && e.value() != null)
            .map(e -> e.value().toString())
            .reduce((a, b) -> b)
            .orElse(null);
    AccuracyTarget target = targetOf(events);
    return new InferenceRunRecord(
        dir.getFileName().toString(),
        dir,
        variants,
        perImage,
        weights,
        settings(events),
        target,
        RunDirectory.environmentOf(dir),
        ProfileExporter.profiles(events));
  }

  /**
   * The task's accuracy gate of an inference run: its {@code dawnbench_entry}'s, else the one
   * {@code inference_settings} recorded (from the config of the data it measured on); null in logs
   * with neither.
   */
  public static AccuracyTarget targetOf(List<Event> events) {
    return DawnbenchEntry.valueIn(events)
        .map(m -> DawnbenchEntry.fromMap(m).target())
        .orElseGet(
            () -> {
              InferenceSettings s = settings(events);
              return s == null || s.targetMetric() == null || s.targetAccuracy() == null
                  ? null
                  : new AccuracyTarget(s.targetMetric(), s.targetAccuracy());
            });
  }

  /**
   * The last {@code inference_settings}; null when there is none or it does not read (the report
   * then shows the settings as unknown rather than refusing the run).
   */
  private static InferenceSettings settings(List<Event> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (InferenceSettings.KIND.matches(events.get(i))) {
        try {
          return InferenceSettings.KIND.decode(events.get(i));
        } catch (IllegalArgumentException unreadable) {
          return null;
        }
      }
    }
    return null;
  }
}
