package dev.dawn.harness.cli;

import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.project.ModelGradients;
import dev.dawn.harness.project.NetworkFile;
import dev.dawn.harness.project.ProjectionFiles;
import dev.dawn.harness.project.PublishedCheck;
import dev.dawn.harness.project.PublishedCheckTable;
import dev.dawn.harness.project.PublishedEntry;
import dev.dawn.harness.project.StackFile;
import dev.dawn.harness.project.SweepCheck;
import dev.dawn.harness.project.SweepCheckTable;
import dev.dawn.harness.sweep.SweepMeasurements;
import dev.dawn.workloads.models.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Hold dawn project's model against measured times. Without --sweep: project each published multi-machine",
      "DAWNBench entry from its JSON's phases, compare with its published hours at the epoch its TSV reaches 93%%",
      "top-5, and say whether the published time lies inside the band its files allow.",
      "With --sweep DIR: against a sweep of 'dawn launch' runs on emulated links (workers: N, distributed.network",
      "and distributed.fusion.thresholdBytes swept): parameters fitted on the cells the network file's fit.cells",
      "select, every other cell predicted and compared (compute and exposed communication per step, time to",
      "target, mean absolute error)."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn project check",
      "  bin/dawn project check --sweep results/sweeps/<timestamp>-fusion-network-quick"
    })
final class ProjectCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterFileOptions dirs;

  @Mixin EntriesOptions published;

  @Option(
      names = "--sweep",
      paramLabel = "DIR",
      description =
          "A sweep folder of 'dawn launch' runs to hold the model against; writes "
              + "<out>/sweep-check-<sweep>.csv.")
  Path sweep;

  @Option(
      names = "--hardware",
      paramLabel = "NAME|FILE",
      defaultValue = "cpu",
      description = "With --sweep: the machine the runs ran on. Default: ${DEFAULT-VALUE}.")
  String hardware;

  @Option(
      names = "--network",
      paramLabel = "NAME|FILE",
      defaultValue = "emulated-tbf",
      description = "With --sweep: the emulated links. Default: ${DEFAULT-VALUE}.")
  String network;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results/projections",
      description = "Where the sweep check's CSV goes. Default: ${DEFAULT-VALUE}.")
  Path out;

  @Override
  public Integer call() {
    return ProjectCommand.withProjectionFiles(spec, sweep == null ? this::published : this::sweep);
  }

  private int published(PrintWriter o) {
    Path dir = EntriesLocation.resolve(published.entries);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var rows =
        new PublishedCheck(
                dir, published.configsDir, dirs.hardwareDir, dirs.networkDir, dirs.stackDir)
            .run(PublishedEntry.MULTI_MACHINE, gradients);
    PublishedCheckTable.print(rows, o);
    return 0;
  }

  private int sweep(PrintWriter o) {
    var cells = SweepMeasurements.read(sweep);
    var device = HardwareFile.load(hardware, dirs.hardwareDir, dirs.hardwareOverrides);
    var net = NetworkFile.load(network, dirs.networkDir, dirs.networkOverrides);
    var deviceStack = StackFile.load(device.spec().device().stack(), dirs.stackDir);
    var result = new SweepCheck(device, net, deviceStack).run(cells);
    SweepCheckTable.print(result, device, net, o);
    Path csv =
        out.resolve(
            "sweep-check-"
                + ProjectCommand.fileName(
                    sweep.toAbsolutePath().normalize().getFileName().toString())
                + ".csv");
    o.println("written: " + ProjectionFiles.writeSweepCheck(result, csv));
    return 0;
  }
}
