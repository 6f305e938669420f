package dev.dawn.harness.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A hardware file as read, with {@code key=value} overrides laid over it. Kept as a tree so that a
 * parameter fit can set one named parameter at a time and bind again.
 */
public final class HardwareFile {
  /** Where {@code --hardware NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "hardware");

  private static final Set<String> ALGORITHMS = Set.of("ring", "hierarchical");
  private final String source;
  private final ObjectNode tree;
  private final HardwareSpec spec;

  private HardwareFile(String source, ObjectNode tree) {
    this.source = source;
    this.tree = tree;
    this.spec = bind(source, tree);
  }

  /**
   * {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code v100-16gb}).
   */
  public static HardwareFile load(String nameOrPath, Path dir, List<String> overrides) {
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file))
      file = dir.resolve(nameOrPath.endsWith(".yaml") ? nameOrPath : nameOrPath + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new HardwareFileException(
          "hardware '"
              + nameOrPath
              + "': no such file, nor "
              + file
              + " (files there: "
              + available(dir)
              + ")");
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).with(overrides);
    } catch (IOException e) {
      throw new HardwareFileException(file + ": cannot read: " + e.getMessage());
    }
  }

  public static HardwareFile parse(String yamlText, String source) {
    return new HardwareFile(source, ProjectionYaml.mapping(yamlText, source));
  }

  /** The same file with {@code section.key=value} overrides; each key must already exist. */
  public HardwareFile with(List<String> overrides) {
    ObjectNode copy = tree.deepCopy();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 1)
        throw new HardwareFileException(
            "hardware override '" + o + "' must look like section.key=value");
      set(copy, o.substring(0, eq).trim(), o.substring(eq + 1).trim());
    }
    return new HardwareFile(source, copy);
  }

  public double number(String key) {
    JsonNode n = lookup(tree, key);
    if (n == null || !n.isNumber())
      throw new HardwareFileException(source + ": '" + key + "' is not a number");
    return n.asDouble();
  }

  public HardwareSpec spec() {
    return spec;
  }

  public String source() {
    return source;
  }

  private void set(ObjectNode root, String key, String value) {
    String[] parts = key.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++)
      parent = parent == null ? null : parent.get(parts[i]);
    if (!(parent instanceof ObjectNode p) || !p.has(parts[parts.length - 1])) {
      throw new HardwareFileException(
          source + ": unknown hardware key '" + key + "' in override " + key + "=" + value);
    }
    try {
      p.set(parts[parts.length - 1], ProjectionYaml.MAPPER.readTree(value));
    } catch (JsonProcessingException e) {
      p.put(parts[parts.length - 1], value);
    }
  }

  private static JsonNode lookup(JsonNode root, String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) n = n == null ? null : n.get(part);
    return n;
  }

  private static HardwareSpec bind(String source, ObjectNode tree) {
    HardwareSpec s = ProjectionYaml.bind(source, tree, HardwareSpec.class);
    check(
        source,
        s.device().stack() != null && !s.device().stack().isBlank(),
        "device.stack must name the stack its images/s were measured with");
    check(source, s.device().imagesPerSecond() > 0, "device.imagesPerSecond must be > 0");
    check(source, s.device().referenceResolution() > 0, "device.referenceResolution must be > 0");
    check(source, s.device().referenceBatch() >= 1, "device.referenceBatch must be >= 1");
    check(source, s.device().pixelExponent() >= 0, "device.pixelExponent must be >= 0");
    check(source, s.device().halfSpeedBatch() >= 0, "device.halfSpeedBatch must be >= 0");
    check(source, s.device().stepOverheadSeconds() >= 0, "device.stepOverheadSeconds must be >= 0");
    check(
        source,
        s.device().backwardShare() >= 0 && s.device().backwardShare() <= 1,
        "device.backwardShare must be in [0, 1]");
    check(source, s.device().efficiency() > 0, "device.efficiency must be > 0");
    check(source, s.node().devicesPerNode() >= 1, "node.devicesPerNode must be >= 1");
    check(source, s.node().linkGigabytesPerSecond() > 0, "node.linkGigabytesPerSecond must be > 0");
    check(source, s.node().linkLatencySeconds() >= 0, "node.linkLatencySeconds must be >= 0");
    check(source, s.network().gigabitsPerSecond() > 0, "network.gigabitsPerSecond must be > 0");
    check(
        source,
        s.network().efficiency() > 0 && s.network().efficiency() <= 1,
        "network.efficiency must be in (0, 1]");
    check(source, s.network().latencySeconds() >= 0, "network.latencySeconds must be >= 0");
    check(source, s.input().cpuCores() >= 1, "input.cpuCores must be >= 1");
    check(
        source, s.input().imagesPerSecondPerCore() > 0, "input.imagesPerSecondPerCore must be > 0");
    check(
        source,
        s.communication().algorithm() != null && ALGORITHMS.contains(s.communication().algorithm()),
        "communication.algorithm must be one of " + ALGORITHMS);
    check(
        source,
        s.communication().overlap() >= 0 && s.communication().overlap() <= 1,
        "communication.overlap must be in [0, 1]");
    check(
        source,
        s.fit() != null && s.fit().parameters().size() <= 2,
        "fit.parameters may name at most two parameters");
    for (String key : s.fit().parameters()) {
      JsonNode n = lookup(tree, key);
      check(
          source,
          n != null && n.isNumber(),
          "fit.parameters: '" + key + "' is not a numeric key of this file");
    }
    return s;
  }

  private static void check(String source, boolean ok, String rule) {
    ProjectionYaml.check(source, ok, rule);
  }

  /** The YAML files in {@code dir}, by name, for a message about a name that is not there. */
  static String available(Path dir) {
    try (var files = Files.list(dir)) {
      return String.join(
          ", ",
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .map(n -> n.substring(0, n.length() - 5))
              .sorted()
              .toList());
    } catch (IOException e) {
      return "none, " + dir + " is not readable";
    }
  }
}
