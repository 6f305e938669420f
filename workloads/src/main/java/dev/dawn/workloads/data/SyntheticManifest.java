package dev.dawn.workloads.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code manifest.json} of a generated synthetic set: the spec, the generator version, the file
 * count and a SHA-256 over every image's bytes. Written last, so a folder with a manifest is
 * complete.
 */
record SyntheticManifest(SyntheticSpec spec, String generator, int files, String contentHash) {
  static final String FILE_NAME = "manifest.json";
  static final String GENERATOR = "dawn-synthetic-imagenet/1";

  String toJson() {
    return "{\n"
        + "  \"generator\": \""
        + generator
        + "\",\n"
        + "  \"classes\": "
        + spec.classes()
        + ",\n"
        + "  \"trainPerClass\": "
        + spec.trainPerClass()
        + ",\n"
        + "  \"valPerClass\": "
        + spec.valPerClass()
        + ",\n"
        + "  \"imageSize\": "
        + spec.imageSize()
        + ",\n"
        + "  \"seed\": "
        + spec.seed()
        + ",\n"
        + presetLine()
        + "  \"files\": "
        + files
        + ",\n"
        + "  \"contentHash\": \""
        + contentHash
        + "\"\n"
        + "}\n";
  }

  /** Written only for a non-standard preset, so manifests of the standard set stay as they were. */
  private String presetLine() {
    return spec.preset() == SyntheticPreset.STANDARD
        ? ""
        : "  \"preset\": \"" + spec.preset().configName() + "\",\n";
  }

  void write(Path root) throws IOException {
    Files.writeString(root.resolve(FILE_NAME), toJson(), StandardCharsets.UTF_8);
  }

  /** The manifest in {@code root}, or empty when it is missing or not one this generator wrote. */
  static Optional<SyntheticManifest> read(Path root) throws IOException {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String json = Files.readString(file, StandardCharsets.UTF_8);
    try {
      SyntheticSpec spec =
          new SyntheticSpec(
              intField(json, "classes"),
              intField(json, "trainPerClass"),
              intField(json, "valPerClass"),
              intField(json, "imageSize"),
              Long.parseLong(field(json, "seed")),
              json.contains("\"preset\"")
                  ? SyntheticPreset.fromConfigName(stringField(json, "preset"))
                  : SyntheticPreset.STANDARD);
      return Optional.of(
          new SyntheticManifest(
              spec,
              stringField(json, "generator"),
              intField(json, "files"),
              stringField(json, "contentHash")));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // unreadable or foreign manifest: regenerate
    }
  }

  private static int intField(String json, String key) {
    return Integer.parseInt(field(json, key));
  }

  private static String field(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("manifest has no numeric \"" + key + "\"");
    }
    return m.group(1);
  }

  private static String stringField(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("manifest has no string \"" + key + "\"");
    }
    return m.group(1);
  }
}
