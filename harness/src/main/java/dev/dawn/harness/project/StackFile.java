package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Reads a software stack file ({@code reference-configs/stacks/*.yaml}). */
public final class StackFile {
  /** Where {@code --stack NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "stacks");

  static final ProjectionFile.Kind KIND = new ProjectionFile.Kind("stack", "stack override");

  private StackFile() {}

  /** {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code mxnet}). */
  public static StackSpec load(String nameOrPath, Path dir) {
    return file(nameOrPath, dir).spec();
  }

  /** The file itself, with the ranges of its figures. */
  public static ProjectionFile<StackSpec> file(String nameOrPath, Path dir) {
    return ProjectionFile.load(KIND, nameOrPath, dir, List.of(), StackFile::bind);
  }

  public static StackSpec parse(String yamlText, String source) {
    return parseFile(yamlText, source).spec();
  }

  /** The file itself from its text, with the ranges of its figures. */
  public static ProjectionFile<StackSpec> parseFile(String yamlText, String source) {
    return ProjectionFile.parse(KIND, yamlText, source, StackFile::bind);
  }

  private static StackSpec bind(ObjectNode tree, UnaryOperator<String> where) {
    StackSpec s = ProjectionYaml.bind(tree, StackSpec.class, where);
    HardwareFile.Rules r = new HardwareFile.Rules(where);
    r.check("name", s.name() != null && !s.name().isBlank(), "must be set");
    r.check("framework", s.framework() != null && !s.framework().isBlank(), "must be set");
    r.check(
        "compute.relativeTo",
        s.compute().relativeTo() != null && !s.compute().relativeTo().isBlank(),
        "must name a stack (this one's own name for an anchor)");
    r.check("compute.relativeSpeed", s.compute().relativeSpeed() > 0, "must be > 0");
    r.check(
        "compute.relativeSpeed",
        !s.anchor() || s.compute().relativeSpeed() == 1.0,
        "of a stack compared with itself must be 1");
    r.check(
        "communication.exchange",
        StackSpec.Communication.ALL_REDUCE.equals(s.communication().exchange())
            || s.communication().pushPull(),
        "must be all-reduce or push-pull");
    r.check(
        "communication.bytesPerGradientValue",
        s.communication().bytesPerGradientValue() >= 1,
        "must be >= 1");
    r.check(
        "communication.fusionThresholdBytes",
        s.communication().fusionThresholdBytes() >= 0,
        "must be >= 0");
    return s;
  }
}
