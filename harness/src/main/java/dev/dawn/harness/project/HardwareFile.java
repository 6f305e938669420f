package dev.dawn.harness.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reads a device file ({@code reference-configs/hardware/*.yaml}: the device, its machine, the
 * host's input pipeline) with {@code --hw key=value} overrides, and checks every figure's rule.
 */
public final class HardwareFile {
  /** Where {@code --hardware NAME} looks when NAME is not a file. */
  public static final Path DEFAULT_DIR = Path.of("reference-configs", "hardware");

  static final ProjectionFile.Kind KIND = new ProjectionFile.Kind("hardware", "--hw");

  private HardwareFile() {}

  /**
   * {@code nameOrPath}: a YAML file, or the name of one in {@code dir} (e.g. {@code v100-16gb}).
   */
  public static ProjectionFile<HardwareSpec> load(
      String nameOrPath, Path dir, List<String> overrides) {
    return ProjectionFile.load(KIND, nameOrPath, dir, overrides, HardwareFile::bind);
  }

  public static ProjectionFile<HardwareSpec> parse(String yamlText, String source) {
    return ProjectionFile.parse(KIND, yamlText, source, HardwareFile::bind);
  }

  private static HardwareSpec bind(ObjectNode tree, UnaryOperator<String> where) {
    HardwareSpec s = ProjectionYaml.bind(tree, HardwareSpec.class, where);
    Rules r = new Rules(where);
    r.check(
        "device.stack",
        s.device().stack() != null && !s.device().stack().isBlank(),
        "must name the stack its images/s were measured with");
    r.check("device.imagesPerSecond", s.device().imagesPerSecond() > 0, "must be > 0");
    r.check("device.referenceResolution", s.device().referenceResolution() > 0, "must be > 0");
    r.check("device.referenceBatch", s.device().referenceBatch() >= 1, "must be >= 1");
    r.check("device.pixelExponent", s.device().pixelExponent() >= 0, "must be >= 0");
    r.check("device.halfSpeedBatch", s.device().halfSpeedBatch() >= 0, "must be >= 0");
    r.check("device.stepOverheadSeconds", s.device().stepOverheadSeconds() >= 0, "must be >= 0");
    r.check(
        "device.backwardShare",
        s.device().backwardShare() >= 0 && s.device().backwardShare() <= 1,
        "must be in [0, 1]");
    r.check("device.efficiency", s.device().efficiency() > 0, "must be > 0");
    r.check("node.devicesPerNode", s.node().devicesPerNode() >= 1, "must be >= 1");
    r.check("node.linkGigabytesPerSecond", s.node().linkGigabytesPerSecond() > 0, "must be > 0");
    r.check("node.linkLatencySeconds", s.node().linkLatencySeconds() >= 0, "must be >= 0");
    r.check("input.cpuCores", s.input().cpuCores() >= 1, "must be >= 1");
    r.check("input.imagesPerSecondPerCore", s.input().imagesPerSecondPerCore() > 0, "must be > 0");
    r.fitParameters(tree, s.fit().parameters());
    return s;
  }

  /** The rule checks of a projection file, each naming the file and line of its key. */
  record Rules(UnaryOperator<String> where) {
    /** {@code file:line: key rule} (or the override that set the key) when {@code ok} fails. */
    void check(String key, boolean ok, String rule) {
      ProjectionYaml.check(where.apply(key), ok, key + (rule.startsWith(":") ? "" : " ") + rule);
    }

    /** A fit may name at most two parameters, each a number of this file. */
    void fitParameters(JsonNode tree, List<String> parameters) {
      check("fit.parameters", parameters.size() <= 2, "may name at most two parameters");
      for (String key : parameters) {
        JsonNode n = ProjectionFile.lookup(tree, key);
        check(
            "fit.parameters",
            n != null && n.isNumber(),
            ": '" + key + "' is not a numeric key of this file");
      }
    }
  }
}
