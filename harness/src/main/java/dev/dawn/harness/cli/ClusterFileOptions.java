package dev.dawn.harness.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where {@code dawn project} and its {@code check} and {@code fit} look up device, network and
 * stack files, and the single figures a user overrides in them.
 */
final class ClusterFileOptions {
  @Option(
      names = "--hardware-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/hardware",
      description = "Where hardware names are looked up. Default: ${DEFAULT-VALUE}.")
  Path hardwareDir;

  @Option(
      names = "--network-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/networks",
      description = "Where network names are looked up. Default: ${DEFAULT-VALUE}.")
  Path networkDir;

  @Option(
      names = "--stack-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/stacks",
      description = "Where stack names are looked up. Default: ${DEFAULT-VALUE}.")
  Path stackDir;

  @Option(
      names = "--hw",
      paramLabel = "KEY=VALUE",
      description = "Override one device parameter, e.g. --hw device.efficiency=1 (repeatable).")
  List<String> hardwareOverrides = new ArrayList<>();

  @Option(
      names = "--net",
      paramLabel = "KEY=VALUE",
      description =
          "Override one network parameter, e.g. --net network.gigabitsPerSecond=100 (repeatable).")
  List<String> networkOverrides = new ArrayList<>();
}
