package dev.dawn.reporters.compare;

import dev.dawn.reporters.run.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small training run folder (event log and config) with chosen epoch times and top-5
 * accuracies.
 */
final class SyntheticRun {
  private SyntheticRun() {}

  /**
   * @param epochSeconds training seconds of each epoch
   * @param top5 top-5 fraction after each epoch
   * @param threshold target top-5 in percent
   * @param classes classes of the synthetic set (data)
   */
  static Path write(
      Path dir, String id, double[] epochSeconds, double[] top5, double threshold, int classes)
      throws IOException {
    Files.createDirectories(dir);
    long t = 1_700_000_000_000L;
    List<String> lines = new ArrayList<>();
    lines.add(line(t, "INTERVAL_START", "run_start", "null", "{\"run_id\":\"" + id + "\"}"));
    lines.add(
        line(
            t,
            "POINT_IN_TIME",
            "dawnbench_entry",
            "{\"dataset\":\"ImageNet\",\"fileBasename\":\"dawn_"
                + id
                + "\",\"author\":\"dawn\",\"authorEmail\":\"dawn@localhost\",\"framework\":\"TensorFlow Java 1.1.0\","
                + "\"model\":\"ResNet-9\",\"hardware\":\"CPU\",\"timestamp\":\"2026-11-30\",\"misc\":{},"
                + "\"metric\":\"top5Accuracy\",\"threshold\":"
                + threshold
                + "}",
            "{}"));
    lines.add(
        line(
            t,
            "POINT_IN_TIME",
            "dawnbench_task",
            "{\"entry\":false,\"reason\":\"synthetic\","
                + "\"dataKind\":\"synthetic\",\"classes\":"
                + classes
                + ",\"validationImages\":500,"
                + "\"evaluatedImages\":500}",
            "{}"));
    double trainMs = 0;
    for (int e = 1; e <= epochSeconds.length; e++) {
      trainMs += epochSeconds[e - 1] * 1000;
      t += (long) (epochSeconds[e - 1] * 1000);
      lines.add(line(t, "INTERVAL_START", "epoch_start", "null", "{\"epoch_num\":" + e + "}"));
      lines.add(
          line(
              t,
              "POINT_IN_TIME",
              "train_step",
              "2.5",
              String.format(
                  Locale.ROOT,
                  "{\"epoch_num\":%d,\"step\":10,\"global_step\":%d,\"learning_rate\":0.1,\"momentum\":0.9,"
                      + "\"images_per_second\":%s}",
                  e,
                  10 * e,
                  1000 / epochSeconds[e - 1])));
      lines.add(
          line(
              t,
              "INTERVAL_END",
              "epoch_stop",
              "null",
              String.format(
                  Locale.ROOT,
                  "{\"epoch_num\":%d,\"train_time_ms\":%d,\"wall_time_ms\":%d,\"loss\":2.0,\"learning_rate\":0.1,"
                      + "\"images_per_second\":%s,\"images\":1000,\"skipped_images\":0}",
                  e,
                  (long) trainMs,
                  (long) trainMs + 100 * e,
                  1000 / epochSeconds[e - 1])));
      lines.add(
          line(
              t,
              "POINT_IN_TIME",
              "eval_accuracy",
              Double.toString(top5[e - 1]),
              String.format(
                  Locale.ROOT,
                  "{\"epoch_num\":%d,\"top1_accuracy\":%s,\"top5_accuracy\":%s,\"eval_samples\":500}",
                  e,
                  top5[e - 1] / 2,
                  top5[e - 1])));
    }
    lines.add(line(t, "INTERVAL_END", "run_stop", "null", "{\"status\":\"success\"}"));
    Files.write(dir.resolve(RunFolder.EVENTS), lines);
    Files.writeString(
        dir.resolve(RunFolder.CONFIG),
        "data:\n  kind: synthetic\n  synthetic:\n    classes: " + classes + "\n    seed: 2019\n");
    return dir;
  }

  private static String line(long t, String type, String key, String value, String metadata) {
    return "{\"time_ms\":"
        + t
        + ",\"event_type\":\""
        + type
        + "\",\"key\":\""
        + key
        + "\",\"value\":"
        + value
        + ",\"metadata\":"
        + metadata
        + "}";
  }
}
