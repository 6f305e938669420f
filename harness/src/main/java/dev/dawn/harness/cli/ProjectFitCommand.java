package dev.dawn.harness.cli;

import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.project.ModelGradients;
import dev.dawn.harness.project.NetworkFile;
import dev.dawn.harness.project.ParameterFit;
import dev.dawn.harness.project.PublishedCheck;
import dev.dawn.workloads.models.ModelSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrate the free parameters of a device file and a network file (their fit.parameters) on the published",
      "DAWNBench entries their fit.entries name, and print the fitted values beside the files' own and each",
      "entry's published and projected hours. The files are not changed: copy a value in by hand, with its source."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn project fit --hardware v100-16gb --network aws-p3-25gbit"
    })
final class ProjectFitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterFileOptions dirs;

  @Mixin EntriesOptions published;

  @Option(
      names = "--hardware",
      required = true,
      paramLabel = "NAME|FILE",
      description = "Device file, or its name in --hardware-dir.")
  String hardware;

  @Option(
      names = "--network",
      required = true,
      paramLabel = "NAME|FILE",
      description = "Network file, or its name in --network-dir.")
  String network;

  @Override
  public Integer call() {
    return ProjectCommand.withProjectionFiles(spec, this::fit);
  }

  private int fit(PrintWriter o) {
    var device = HardwareFile.load(hardware, dirs.hardwareDir, dirs.hardwareOverrides);
    var net = NetworkFile.load(network, dirs.networkDir, dirs.networkOverrides);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var check =
        new PublishedCheck(
            EntriesLocation.resolve(published.entries),
            published.configsDir,
            dirs.hardwareDir,
            dirs.networkDir,
            dirs.stackDir);
    var result = new ParameterFit(check, gradients).fit(device, net);
    o.println("fitted on " + result.rows().stream().map(r -> r.entry().file()).toList() + ":");
    result
        .values()
        .forEach(
            (k, v) ->
                o.printf(
                    Locale.ROOT,
                    "  %s: %.4f   (file: %.4f)%n",
                    k,
                    v,
                    device.hasNumber(k) ? device.number(k) : net.number(k)));
    for (var r : result.rows()) {
      o.printf(
          Locale.ROOT,
          "  %-44s published %.5f h, projected %.5f h (%+.1f%%)%n",
          r.entry().label(),
          r.publishedHours(),
          r.projectedHours(),
          100 * r.relativeError());
    }
    return 0;
  }
}
