package dev.dawn.harness.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A kind of config: its root record, whose nested records are its sections (keys that hold keys,
 * merged key by key when layered), and its built-in defaults, a YAML resource beside this class
 * that holds every key. The records are the schema: binding, layering, `dawn keys` and the key
 * tables of docs/config.md all read it from here.
 *
 * @param sections dotted paths of the sections, e.g. {@code train}, {@code distributed.fusion}
 */
public record ConfigSchema<T extends Record>(
    Class<T> root, String defaultsResource, Set<String> sections) {
  /** {@code dawn train}'s config. */
  public static final ConfigSchema<TrainConfig> TRAINING = of(TrainConfig.class, "defaults.yaml");

  /** {@code dawn infer}'s config. */
  public static final ConfigSchema<InferenceConfig> INFERENCE =
      of(InferenceConfig.class, "infer-defaults.yaml");

  static <T extends Record> ConfigSchema<T> of(Class<T> root, String defaultsResource) {
    ConfigSchema<T> bare = new ConfigSchema<>(root, defaultsResource, Set.of());
    return new ConfigSchema<>(
        root,
        defaultsResource,
        Collections.unmodifiableSet(bare.sections(root, "", new TreeSet<>())));
  }

  /** A section holds keys (e.g. {@code train}); a record such as {@link LossScale} is one value. */
  public boolean isSection(Class<?> type) {
    return type.isRecord() && type.getEnclosingClass() == root;
  }

  /** The built-in defaults, a fresh copy. */
  public ObjectNode defaults() {
    try (InputStream in = ConfigSchema.class.getResourceAsStream(defaultsResource)) {
      if (in == null) {
        throw new IllegalStateException("built-in " + defaultsResource + " missing from the jar");
      }
      return (ObjectNode) ConfigYaml.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("built-in " + defaultsResource + " unreadable", e);
    }
  }

  private Set<String> sections(Class<?> record, String prefix, Set<String> out) {
    for (RecordComponent c : record.getRecordComponents()) {
      if (isSection(c.getType())) {
        out.add(prefix + c.getName());
        sections(c.getType(), prefix + c.getName() + ".", out);
      }
    }
    return out;
  }
}
