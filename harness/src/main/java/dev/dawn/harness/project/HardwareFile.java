package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.harness.config.FiniteNumbers;
import dev.dawn.harness.config.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hardware file as read, with {@code key=value} overrides laid over it. Kept as a tree so that a
 * parameter fit can set one named parameter at a time and bind again. Every error names the file
 * and line, or the {@code --hw} override, with the key and its rule.
 */
public final class HardwareFile {
  /** Where {@code --hardware NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "hardware");

  private static final Set<String> ALGORITHMS = Set.of("ring", "hierarchical");
  private final String source;
  private final YamlDocument doc;
  private final Map<String, String> overridden;
  private final ObjectNode tree;
  private final HardwareSpec spec;

  /**
   * @param overridden the {@code --hw key=value} of each key laid over the file
   */
  private HardwareFile(
      YamlDocument doc, String source, ObjectNode tree, Map<String, String> overridden) {
    this.doc = doc;
    this.source = source;
    this.tree = tree;
    this.overridden = Map.copyOf(overridden);
    this.spec = bind();
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
    return read(YamlDocument.read(file), file.toString()).with(overrides);
  }

  public static HardwareFile parse(String yamlText, String source) {
    return read(YamlDocument.parse(yamlText, source), source);
  }

  private static HardwareFile read(YamlDocument doc, String source) {
    return new HardwareFile(doc, source, ProjectionYaml.mapping(doc, source), Map.of());
  }

  /**
   * The same file with {@code section.key=value} overrides ({@code --hw}); each key must already
   * exist, and a value is read like the file's own (a number must be finite).
   */
  public HardwareFile with(List<String> overrides) {
    ObjectNode copy = tree.deepCopy();
    Map<String, String> origins = new LinkedHashMap<>(overridden);
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 1)
        throw new HardwareFileException(
            "hardware override '" + o + "' must look like section.key=value");
      String key = o.substring(0, eq).trim();
      String raw = o.substring(eq + 1).trim();
      String origin = "--hw " + key + "=" + raw;
      JsonNode value = YamlDocument.value(raw, key, origin);
      if (FiniteNumbers.breaksRule(value))
        throw new HardwareFileException(
            origin + ": key '" + key + "' " + FiniteNumbers.broken(raw));
      set(copy, key, value, origin);
      origins.put(key, origin);
    }
    return new HardwareFile(doc, source, copy, origins);
  }

  public double number(String key) {
    JsonNode n = lookup(tree, key);
    if (n == null || !n.isNumber())
      throw new HardwareFileException(where(key) + ": '" + key + "' is not a number");
    return n.asDouble();
  }

  public HardwareSpec spec() {
    return spec;
  }

  public String source() {
    return source;
  }

  /** Where {@code key} was written: {@code file:line}, or the {@code --hw} that set it. */
  private String where(String key) {
    String override = overridden.get(key);
    return override != null ? override : doc.where(key);
  }

  private void set(ObjectNode root, String key, JsonNode value, String origin) {
    String[] parts = key.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++)
      parent = parent == null ? null : parent.get(parts[i]);
    if (!(parent instanceof ObjectNode p) || !p.has(parts[parts.length - 1])) {
      throw new HardwareFileException(
          source + ": unknown hardware key '" + key + "' in override " + origin.substring(5));
    }
    p.set(parts[parts.length - 1], value);
  }

  private static JsonNode lookup(JsonNode root, String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) n = n == null ? null : n.get(part);
    return n;
  }

  private HardwareSpec bind() {
    HardwareSpec s = ProjectionYaml.bind(tree, HardwareSpec.class, this::where);
    check(
        "device.stack",
        s.device().stack() != null && !s.device().stack().isBlank(),
        "must name the stack its images/s were measured with");
    check("device.imagesPerSecond", s.device().imagesPerSecond() > 0, "must be > 0");
    check("device.referenceResolution", s.device().referenceResolution() > 0, "must be > 0");
    check("device.referenceBatch", s.device().referenceBatch() >= 1, "must be >= 1");
    check("device.pixelExponent", s.device().pixelExponent() >= 0, "must be >= 0");
    check("device.halfSpeedBatch", s.device().halfSpeedBatch() >= 0, "must be >= 0");
    check("device.stepOverheadSeconds", s.device().stepOverheadSeconds() >= 0, "must be >= 0");
    check(
        "device.backwardShare",
        s.device().backwardShare() >= 0 && s.device().backwardShare() <= 1,
        "must be in [0, 1]");
    check("device.efficiency", s.device().efficiency() > 0, "must be > 0");
    check("node.devicesPerNode", s.node().devicesPerNode() >= 1, "must be >= 1");
    check("node.linkGigabytesPerSecond", s.node().linkGigabytesPerSecond() > 0, "must be > 0");
    check("node.linkLatencySeconds", s.node().linkLatencySeconds() >= 0, "must be >= 0");
    check("network.gigabitsPerSecond", s.network().gigabitsPerSecond() > 0, "must be > 0");
    check(
        "network.efficiency",
        s.network().efficiency() > 0 && s.network().efficiency() <= 1,
        "must be in (0, 1]");
    check("network.latencySeconds", s.network().latencySeconds() >= 0, "must be >= 0");
    check("input.cpuCores", s.input().cpuCores() >= 1, "must be >= 1");
    check("input.imagesPerSecondPerCore", s.input().imagesPerSecondPerCore() > 0, "must be > 0");
    check(
        "communication.algorithm",
        s.communication().algorithm() != null && ALGORITHMS.contains(s.communication().algorithm()),
        "must be one of " + ALGORITHMS);
    check(
        "communication.overlap",
        s.communication().overlap() >= 0 && s.communication().overlap() <= 1,
        "must be in [0, 1]");
    check(
        "fit.parameters",
        s.fit() != null && s.fit().parameters().size() <= 2,
        "may name at most two parameters");
    for (String key : s.fit().parameters()) {
      JsonNode n = lookup(tree, key);
      check(
          "fit.parameters",
          n != null && n.isNumber(),
          ": '" + key + "' is not a numeric key of this file");
    }
    return s;
  }

  /** {@code file:line: key rule} (or the {@code --hw} that set the key) when {@code ok} fails. */
  private void check(String key, boolean ok, String rule) {
    ProjectionYaml.check(where(key), ok, key + (rule.startsWith(":") ? "" : " ") + rule);
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
