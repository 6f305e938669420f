package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads a network file ({@code reference-configs/networks/*.yaml}: the cluster's network and how
 * gradients travel over it) with {@code --net key=value} overrides, and checks every figure's rule.
 */
public final class NetworkFile {
  /** Where {@code --network NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "networks");

  static final ProjectionFile.Kind KIND = new ProjectionFile.Kind("network", "--net");

  private static final Set<String> ALGORITHMS = Set.of("ring", "hierarchical");

  private NetworkFile() {}

  /** {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code aws-p3}). */
  public static ProjectionFile<NetworkSpec> load(
      String nameOrPath, Path dir, List<String> overrides) {
    return ProjectionFile.load(KIND, nameOrPath, dir, overrides, NetworkFile::bind);
  }

  public static ProjectionFile<NetworkSpec> parse(String yamlText, String source) {
    return ProjectionFile.parse(KIND, yamlText, source, NetworkFile::bind);
  }

  private static NetworkSpec bind(ObjectNode tree, UnaryOperator<String> where) {
    NetworkSpec s = ProjectionYaml.bind(tree, NetworkSpec.class, where);
    HardwareFile.Rules r = new HardwareFile.Rules(where);
    r.check("network.gigabitsPerSecond", s.network().gigabitsPerSecond() > 0, "must be > 0");
    r.check(
        "network.efficiency",
        s.network().efficiency() > 0 && s.network().efficiency() <= 1,
        "must be in (0, 1]");
    r.check("network.latencySeconds", s.network().latencySeconds() >= 0, "must be >= 0");
    r.check(
        "communication.algorithm",
        s.communication().algorithm() != null && ALGORITHMS.contains(s.communication().algorithm()),
        "must be one of " + ALGORITHMS);
    r.check(
        "communication.overlap",
        s.communication().overlap() >= 0 && s.communication().overlap() <= 1,
        "must be in [0, 1]");
    r.fitParameters(tree, s.fit().parameters());
    return s;
  }
}
