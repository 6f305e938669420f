package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.harness.config.FiniteNumbers;
import dev.dawn.harness.config.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One of the projection's YAML files - a device ({@code hardware/}), network ({@code networks/}) or
 * software stack ({@code stacks/}) file - as read, with {@code key=value} overrides laid over it.
 * Kept as a tree so that a fit or a band can set one named figure at a time and bind again. Its
 * optional {@code ranges:} section gives, for a figure its public sources do not pin down, the
 * lowest and highest value they allow ({@link FigureRange}); the figure's own value is the central
 * one. Every error names the file and line, or the override, with the key and its rule.
 *
 * @param <T> the record the file binds to
 */
public final class ProjectionFile<T> {
  /** The top-level key of the ranges; not part of the bound record. */
  static final String RANGES = "ranges";

  /** Binds a file's tree (without its ranges) to its record and checks the record's rules. */
  @FunctionalInterface
  interface Binder<T> {
    /**
     * @param where the place a dotted key was written: {@code file:line}, or its override
     */
    T bind(ObjectNode tree, UnaryOperator<String> where);
  }

  /** What the file is and the flag that overrides its keys, for messages. */
  record Kind(String name, String overrideFlag) {}

  private final Kind kind;
  private final String source;
  private final YamlDocument doc;
  private final Map<String, String> overridden;
  private final ObjectNode tree;
  private final Binder<T> binder;
  private final Map<String, FigureRange> ranges;
  private final T spec;

  private ProjectionFile(
      Kind kind,
      YamlDocument doc,
      String source,
      ObjectNode tree,
      Map<String, String> overridden,
      Binder<T> binder,
      Map<String, FigureRange> ranges) {
    this.kind = kind;
    this.doc = doc;
    this.source = source;
    this.tree = tree;
    this.overridden = Map.copyOf(overridden);
    this.binder = binder;
    this.ranges = ranges;
    this.spec = binder.bind(tree, this::where);
  }

  /**
   * {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code v100-16gb}).
   *
   * @param kind what the file is ({@code hardware}, {@code network}, {@code stack}) and the flag
   *     that overrides its keys, for messages
   */
  static <T> ProjectionFile<T> load(
      Kind kind, String nameOrPath, Path dir, List<String> overrides, Binder<T> binder) {
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file))
      file = dir.resolve(nameOrPath.endsWith(".yaml") ? nameOrPath : nameOrPath + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new ProjectionFileException(
          kind.name()
              + " '"
              + nameOrPath
              + "': no such file, nor "
              + file
              + " (files there: "
              + available(dir)
              + ")");
    }
    return read(kind, YamlDocument.read(file), file.toString(), binder).with(overrides);
  }

  static <T> ProjectionFile<T> parse(Kind kind, String yamlText, String source, Binder<T> b) {
    return read(kind, YamlDocument.parse(yamlText, source), source, b);
  }

  private static <T> ProjectionFile<T> read(
      Kind kind, YamlDocument doc, String source, Binder<T> binder) {
    ObjectNode tree = ProjectionYaml.mapping(doc, source).deepCopy();
    Map<String, FigureRange> ranges = FigureRange.read(tree.remove(RANGES), tree, doc::where);
    return new ProjectionFile<>(kind, doc, source, tree, Map.of(), binder, ranges);
  }

  /**
   * The same file with {@code section.key=value} overrides ({@code --hw}, {@code --net}, a fit, a
   * band's end); each key must already exist, and a value is read like the file's own (a number
   * must be finite).
   */
  public ProjectionFile<T> with(List<String> overrides) {
    if (overrides.isEmpty()) return this;
    ObjectNode copy = tree.deepCopy();
    Map<String, String> origins = new LinkedHashMap<>(overridden);
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 1)
        throw new ProjectionFileException(
            kind.name() + " override '" + o + "' must look like section.key=value");
      String key = o.substring(0, eq).trim();
      String raw = o.substring(eq + 1).trim();
      String origin = kind.overrideFlag() + " " + key + "=" + raw;
      JsonNode value = YamlDocument.value(raw, key, origin);
      if (FiniteNumbers.breaksRule(value))
        throw new ProjectionFileException(
            origin + ": key '" + key + "' " + FiniteNumbers.broken(raw));
      set(copy, key, value, o);
      origins.put(key, origin);
    }
    return new ProjectionFile<>(kind, doc, source, copy, origins, binder, ranges);
  }

  /** The same file with {@code key} set to {@code value}. */
  public ProjectionFile<T> with(String key, double value) {
    return with(List.of(key + "=" + value));
  }

  public double number(String key) {
    JsonNode n = lookup(tree, key);
    if (n == null || !n.isNumber())
      throw new ProjectionFileException(where(key) + ": '" + key + "' is not a number");
    return n.asDouble();
  }

  /** Whether {@code key} is a number of this file. */
  public boolean hasNumber(String key) {
    JsonNode n = lookup(tree, key);
    return n != null && n.isNumber();
  }

  public T spec() {
    return spec;
  }

  public String source() {
    return source;
  }

  /** The file's name without folder and extension, e.g. {@code v100-16gb}. */
  public String stem() {
    String n = Path.of(source).getFileName().toString();
    return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
  }

  /** The figures the file gives a range for, by dotted key, in the file's order. */
  public Map<String, FigureRange> ranges() {
    return ranges;
  }

  /** Where {@code key} was written: {@code file:line}, or the override that set it. */
  String where(String key) {
    String override = overridden.get(key);
    return override != null ? override : doc.where(key);
  }

  private void set(ObjectNode root, String key, JsonNode value, String override) {
    String[] parts = key.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length - 1; i++)
      parent = parent == null ? null : parent.get(parts[i]);
    if (!(parent instanceof ObjectNode p) || !p.has(parts[parts.length - 1])) {
      throw new ProjectionFileException(
          source + ": unknown " + kind.name() + " key '" + key + "' in override " + override);
    }
    p.set(parts[parts.length - 1], value);
  }

  static JsonNode lookup(JsonNode root, String key) {
    JsonNode n = root;
    for (String part : key.split("\\.")) n = n == null ? null : n.get(part);
    return n;
  }

  /** The YAML files in {@code dir}, by name, for a message about a name that is not there. */
  public static String available(Path dir) {
    try (var files = Files.list(dir)) {
      List<String> names = new ArrayList<>();
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .forEach(names::add);
      return String.join(", ", names);
    } catch (IOException e) {
      return "none, " + dir + " is not readable";
    }
  }
}
