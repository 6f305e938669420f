package dev.dawn.harness.cli;

import dev.dawn.harness.project.ClusterFiles;
import dev.dawn.harness.project.ConfigRecipe;
import dev.dawn.harness.project.EpochProjection;
import dev.dawn.harness.project.FusionSweep;
import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.project.HardwareSpec;
import dev.dawn.harness.project.ModelGradients;
import dev.dawn.harness.project.NetworkFile;
import dev.dawn.harness.project.NetworkSpec;
import dev.dawn.harness.project.Projection;
import dev.dawn.harness.project.ProjectionFile;
import dev.dawn.harness.project.ProjectionFileException;
import dev.dawn.harness.project.ProjectionFiles;
import dev.dawn.harness.project.SoftwareStack;
import dev.dawn.harness.project.StackFile;
import dev.dawn.harness.project.StepModel;
import dev.dawn.harness.project.TargetEpoch;
import dev.dawn.reporters.leaderboard.LeaderboardFigures;
import dev.dawn.workloads.models.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "project",
    mixinStandardHelpOptions = true,
    subcommands = {ProjectCheckCommand.class, ProjectFitCommand.class},
    description = {
      "Project how long a recipe would train on N GPUs, without training: per epoch, the hours of compute, of",
      "gradient all-reduce not hidden behind the backward pass, and of waiting for the input pipeline, from a",
      "device file of published figures (reference-configs/hardware/*.yaml: the device and its machine), a",
      "network file (reference-configs/networks/*.yaml: the link between machines, its per-message cost, the",
      "all-reduce algorithm) and a software stack file (reference-configs/stacks/*.yaml: the framework's speed",
      "relative to the one the device figure was measured with, its gradient precision and fusion). Where a file",
      "gives a range for a figure its sources do not pin down (ranges:), and where --hardware names several",
      "devices (A,B: the GPU is not known), it also prints the band of hours over those ranges, low-high.",
      "Prints the table and writes it as CSV and a stacked-bar chart.",
      "",
      "'dawn project check' holds the model against the published multi-machine entries or a sweep of",
      "emulated-network runs; 'dawn project fit' calibrates a device and a network file on published entries."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn project --config reference-configs/alibaba-2020-03.yaml --hardware v100-32gb --network alibaba-vpc-32gbit --gpus 128",
      "  bin/dawn project --config reference-configs/huawei-2019-03.yaml --hardware v100-16gb,v100-32gb --network huawei-modelarts-ib --stack tensorflow-amp --gpus 128",
      "  bin/dawn project --config reference-configs/fastai-2018-09.yaml --hardware v100-16gb --network aws-p3-25gbit --stack pytorch-2018-ddp-fp16 --gpus 64 --fusion-sweep",
      "  bin/dawn project check",
      "  bin/dawn project check --sweep results/sweeps/<timestamp>-fusion-network-2-workers",
      "  bin/dawn project fit --hardware v100-16gb --network aws-p3-25gbit"
    })
final class ProjectCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML training config (its epochs, phases, data set and model).")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Mixin ClusterFileOptions dirs;

  /** The modes this command had before they became subcommands, pointed at them. */
  @Option(names = "--check", hidden = true)
  boolean oldCheck;

  @Option(names = "--fit", hidden = true)
  boolean oldFit;

  @Option(
      names = "--hardware",
      paramLabel = "NAME|FILE[,NAME...]",
      description =
          "Device file, or its name in --hardware-dir (v100-16gb, v100-32gb, p100, k80, tpuv2-core, cpu). "
              + "Several, comma-separated, when the device is not known: the first is projected, the band spans "
              + "all.")
  String hardware;

  @Option(
      names = "--network",
      paramLabel = "NAME|FILE",
      description =
          "Network file, or its name in --network-dir: the cluster the devices are joined by (aws-p3-25gbit, "
              + "alibaba-vpc-32gbit, huawei-modelarts-ib, dgx1-infiniband, aws-p2-10gbit, tpu-pod, ethernet-10gbit, "
              + "emulated-tbf).")
  String network;

  @Option(
      names = "--stack",
      paramLabel = "NAME|FILE",
      description =
          "Software stack file, or its name in --stack-dir (tensorflow-xla-amp, pytorch-2018-ddp-fp16, "
              + "mxnet-2018-fp16, ...). Default: the stack the hardware file's images/s were measured with "
              + "(its device.stack).")
  String stack;

  @Option(
      names = "--gpus",
      paramLabel = "N",
      description = "Devices training data-parallel (whole nodes when more than one node).")
  Integer gpus;

  @Option(
      names = "--fusion-threshold",
      paramLabel = "BYTES",
      description =
          "Largest gradient fusion bucket; 0 sends every gradient tensor alone. Default: the stack file's.")
  Long fusionThreshold;

  @Option(
      names = "--tsv",
      paramLabel = "FILE",
      description =
          "A DAWNBench training TSV: project up to the epoch where it first reaches the config's target "
              + "instead of the planned last epoch.")
  Path tsv;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results/projections",
      description =
          "Where the CSV and chart go (<recipe>-<hardware>-<N>gpus.{csv,png,svg}). Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(
      names = "--fusion-sweep",
      description =
          "Also project time to the target for fusion thresholds 0 and 1 KiB .. 256 MiB (doubling): table, CSV, chart.")
  boolean fusionSweep;

  @Override
  public Integer call() {
    if (oldCheck || oldFit) {
      throw new BadInputException(
          (oldCheck ? "--check" : "--fit")
              + " is a subcommand now: dawn project "
              + (oldCheck ? "check" : "fit")
              + " (see 'dawn project --help')");
    }
    return withProjectionFiles(spec, this::project);
  }

  /**
   * Runs one of the project commands: a bad device, network, stack or config file is the user's to
   * fix (exit 2, one line).
   */
  static int withProjectionFiles(
      picocli.CommandLine.Model.CommandSpec spec,
      java.util.function.ToIntFunction<PrintWriter> run) {
    PrintWriter o = spec.commandLine().getOut();
    try {
      return run.applyAsInt(o);
    } catch (ProjectionFileException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    } finally {
      o.flush();
    }
  }

  private int project(PrintWriter o) {
    if (config == null)
      throw new BadInputException(
          "--config FILE is required (or: dawn project check, dawn project fit)");
    if (hardware == null) throw new BadInputException("--hardware NAME|FILE is required");
    if (gpus == null || gpus < 1) throw new BadInputException("--gpus N (>= 1) is required");
    requireNetwork();
    if (fusionThreshold != null && fusionThreshold < 0)
      throw new BadInputException("--fusion-threshold must be >= 0 bytes");
    var recipe = ConfigRecipe.load(config, layers.scale, layers.overrides);
    ClusterFiles files = files();
    HardwareSpec hw = files.device().spec();
    SoftwareStack sw = files.software();
    warnIfOtherModel(recipe.model(), hw);
    int lastEpoch = 0;
    if (tsv != null) {
      if (!Files.isRegularFile(tsv)) throw new BadInputException("--tsv " + tsv + ": no such file");
      lastEpoch = TargetEpoch.read(tsv, recipe.targetMetric(), recipe.targetAccuracy()).epochs();
      if (lastEpoch > recipe.plan().epochs().size()) {
        throw new BadInputException(
            "--tsv "
                + tsv
                + " reaches the target at epoch "
                + lastEpoch
                + ", past the recipe's "
                + recipe.plan().epochs().size()
                + " epochs");
      }
    }
    int last = lastEpoch;
    List<Long> gradients = ModelGradients.elementCounts(recipe.model());
    long threshold = fusionThreshold != null ? fusionThreshold : sw.fusionThresholdBytes();
    StepModel model = files.model(gpus, gradients, threshold);
    String device = files.device().stem();
    Projection p = Projection.of(recipe.plan(), model, device, gpus, lastEpoch);

    long params = gradients.stream().mapToLong(Long::longValue).sum();
    NetworkSpec net = files.network().spec();
    o.printf(
        Locale.ROOT,
        "%s on %d x %s (%d node%s x %d), joined by %s%n",
        recipe.plan().name(),
        gpus,
        hw.name(),
        model.nodes(),
        model.nodes() == 1 ? "" : "s",
        model.devicesPerNode(),
        net.name());
    o.printf(
        Locale.ROOT,
        "stack: %s (%s): %.3f x the images/s of %s%n",
        sw.spec().name(),
        sw.spec().framework(),
        sw.speedFactor(),
        hw.device().stack());
    o.printf(
        Locale.ROOT,
        "gradients: %d tensors, %.1f MB at %d bytes each; fusion threshold %d bytes -> %d message%s per "
            + "step; %s %.2f ms per step before overlap%n",
        gradients.size(),
        params * sw.bytesPerGradientValue() / 1e6,
        sw.bytesPerGradientValue(),
        threshold,
        model.messages(),
        model.messages() == 1 ? "" : "s",
        sw.spec().communication().pushPull()
            ? "push-pull through parameter servers"
            : net.communication().algorithm() + " all-reduce",
        model.allReduceSeconds() * 1e3);
    o.println(
        "epoch    px   batch  steps   compute_h     comm_h    input_h    epoch_h  cumulative_h");
    for (EpochProjection e : p.epochs()) {
      o.printf(
          Locale.ROOT,
          "%5d %5d %7d %6d %11.5f %10.5f %10.5f %10.5f %13.5f%n",
          e.epoch(),
          e.resolution(),
          e.globalBatch(),
          e.steps(),
          e.computeHours(),
          e.communicationHours(),
          e.inputHours(),
          e.hours(),
          e.cumulativeHours());
    }
    double total = p.totalHours();
    o.printf(
        Locale.ROOT,
        "projected time to epoch %d%s: %.5f hours (%s): compute %.0f%%, exposed communication %.0f%%, "
            + "input pipeline %.0f%%%n",
        p.epochs().size(),
        tsv != null ? " (where the TSV reaches the target)" : " (planned last)",
        total,
        LeaderboardFigures.duration(total),
        100 * p.computeHours() / total,
        100 * p.communicationHours() / total,
        100 * p.inputHours() / total);
    if (files.open()) {
      var band =
          ClusterFiles.Band.over(
              files,
              c ->
                  Projection.of(
                          recipe.plan(), c.model(gpus, gradients, threshold), device, gpus, last)
                      .totalHours());
      o.printf(
          Locale.ROOT,
          "band: %.5f-%.5f hours (%s-%s, %.2fx) over %s%n",
          band.low(),
          band.high(),
          LeaderboardFigures.duration(band.low()),
          LeaderboardFigures.duration(band.high()),
          band.ratio(),
          files.openFigures());
    }
    Path base = out.resolve(fileName(recipe.plan().name() + "-" + device + "-" + gpus + "gpus"));
    o.println("written: " + ProjectionFiles.write(p, base));
    if (fusionSweep) {
      var points =
          FusionSweep.run(
              recipe.plan(), files, gpus, gradients, FusionSweep.thresholds(256L << 20), lastEpoch);
      o.println("fusion threshold   messages   hours to target");
      for (var pt : points) {
        o.printf(
            Locale.ROOT,
            "%12.4f MiB %10d %17.5f%n",
            pt.thresholdBytes() / (double) (1L << 20),
            pt.messages(),
            pt.hours());
      }
      String title =
          recipe.plan().name()
              + " on "
              + gpus
              + " x "
              + device
              + ": hours to epoch "
              + p.epochs().size()
              + " by fusion threshold";
      o.println(
          "written: " + ProjectionFiles.writeSweep(title, points, Path.of(base + "-fusion-sweep")));
    }
    return 0;
  }

  /** The device (and other devices), network and stack files the options name. */
  private ClusterFiles files() {
    List<String> devices = List.of(hardware.split(","));
    var device =
        HardwareFile.load(devices.get(0).strip(), dirs.hardwareDir, dirs.hardwareOverrides);
    var net = NetworkFile.load(network, dirs.networkDir, dirs.networkOverrides);
    var deviceStack = StackFile.load(device.spec().device().stack(), dirs.stackDir);
    var stackFile =
        StackFile.file(stack != null ? stack : device.spec().device().stack(), dirs.stackDir);
    List<ClusterFiles> others = new ArrayList<>();
    for (String name : devices.subList(1, devices.size())) {
      var other = HardwareFile.load(name.strip(), dirs.hardwareDir, dirs.hardwareOverrides);
      others.add(
          new ClusterFiles(
              other, StackFile.load(other.spec().device().stack(), dirs.stackDir), net, stackFile));
    }
    return new ClusterFiles(device, deviceStack, net, stackFile, others);
  }

  private void requireNetwork() {
    if (network == null) {
      throw new BadInputException(
          "--network NAME|FILE is required: the cluster the devices are joined by (files in "
              + dirs.networkDir
              + ": "
              + ProjectionFile.available(dirs.networkDir)
              + ")");
    }
  }

  private void warnIfOtherModel(ModelSpec model, HardwareSpec hw) {
    String recipeModel =
        model.architecture()
            + (model.widthMultiplier() == 1.0 ? "" : " x" + model.widthMultiplier());
    if (!recipeModel.equals(hw.device().model())) {
      spec.commandLine()
          .getErr()
          .println(
              "dawn project: warning: the hardware file's images/s are for "
                  + hw.device().model()
                  + ", the recipe trains "
                  + recipeModel
                  + "; its compute time is projected as if it were "
                  + hw.device().model());
    }
  }

  static String fileName(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
