package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolution and batch phases a DAWNBench submission JSON publishes in {@code misc.imageSize}
 * and {@code misc.batchSize}.
 */
public final class SubmissionRecipe {
  private SubmissionRecipe() {}

  public static RecipePlan read(Path json, long trainImages) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(json + ": not readable JSON: " + e.getMessage());
    }
    JsonNode misc = root.path("misc");
    return RecipePlan.fromSegments(
        json.getFileName().toString(),
        trainImages,
        segments(json, misc.path("imageSize"), "image_size"),
        segments(json, misc.path("batchSize"), "batch_size"));
  }

  private static List<RecipePlan.Segment> segments(Path json, JsonNode list, String key) {
    if (!list.isArray() || list.isEmpty())
      throw new IllegalArgumentException(json + ": misc has no list of " + key + " phases");
    List<RecipePlan.Segment> out = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.path("epochs").canConvertToInt() || !item.path(key).canConvertToInt()) {
        throw new IllegalArgumentException(
            json + ": a " + key + " phase lacks whole 'epochs' or '" + key + "': " + item);
      }
      out.add(new RecipePlan.Segment(item.get("epochs").asInt(), item.get(key).asInt()));
    }
    return out;
  }
}
