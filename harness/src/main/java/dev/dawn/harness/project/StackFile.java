package dev.dawn.harness.project;

import dev.dawn.harness.config.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a software stack file ({@code reference-configs/stacks/*.yaml}). */
public final class StackFile {
  /** Where {@code --stack NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "stacks");

  private StackFile() {}

  /** {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code mxnet}). */
  public static StackSpec load(String nameOrPath, Path dir) {
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file))
      file = dir.resolve(nameOrPath.endsWith(".yaml") ? nameOrPath : nameOrPath + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new HardwareFileException(
          "stack '"
              + nameOrPath
              + "': no such file, nor "
              + file
              + " (files there: "
              + HardwareFile.available(dir)
              + ")");
    }
    return read(YamlDocument.read(file), file.toString());
  }

  public static StackSpec parse(String yamlText, String source) {
    return read(YamlDocument.parse(yamlText, source), source);
  }

  private static StackSpec read(YamlDocument doc, String source) {
    StackSpec s =
        ProjectionYaml.bind(ProjectionYaml.mapping(doc, source), StackSpec.class, doc::where);
    check(source, s.name() != null && !s.name().isBlank(), "name must be set");
    check(source, s.framework() != null && !s.framework().isBlank(), "framework must be set");
    check(
        source,
        s.compute().relativeTo() != null && !s.compute().relativeTo().isBlank(),
        "compute.relativeTo must name a stack (this one's own name for an anchor)");
    check(source, s.compute().relativeSpeed() > 0, "compute.relativeSpeed must be > 0");
    check(
        source,
        !s.anchor() || s.compute().relativeSpeed() == 1.0,
        "compute.relativeSpeed of a stack compared with itself must be 1");
    check(
        source,
        StackSpec.Communication.ALL_REDUCE.equals(s.communication().exchange())
            || s.communication().pushPull(),
        "communication.exchange must be all-reduce or push-pull");
    check(
        source,
        s.communication().bytesPerGradientValue() >= 1,
        "communication.bytesPerGradientValue must be >= 1");
    check(
        source,
        s.communication().fusionThresholdBytes() >= 0,
        "communication.fusionThresholdBytes must be >= 0");
    return s;
  }

  private static void check(String source, boolean ok, String rule) {
    ProjectionYaml.check(source, ok, rule);
  }
}
