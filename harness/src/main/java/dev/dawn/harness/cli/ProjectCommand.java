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
import dev.dawn.harness.project.ParameterFit;
import dev.dawn.harness.project.Projection;
import dev.dawn.harness.project.ProjectionFile;
import dev.dawn.harness.project.ProjectionFileException;
import dev.dawn.harness.project.ProjectionFiles;
import dev.dawn.harness.project.PublishedCheck;
import dev.dawn.harness.project.PublishedCheckTable;
import dev.dawn.harness.project.PublishedEntry;
import dev.dawn.harness.project.SoftwareStack;
import dev.dawn.harness.project.StackFile;
import dev.dawn.harness.project.StepModel;
import dev.dawn.harness.project.SweepCheck;
import dev.dawn.harness.project.SweepCheckTable;
import dev.dawn.harness.project.TargetEpoch;
import dev.dawn.harness.sweep.SweepMeasurements;
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
      "--check compares the model with the published multi-machine DAWNBench entries and says whether each",
      "published time lies inside its band; with --sweep DIR it checks the model against a sweep of 'dawn launch'",
      "runs instead: parameters fitted on the cells the network file's fit.cells select, every other cell",
      "predicted and compared (compute and exposed communication per step, time to target, mean absolute error).",
      "--fit calibrates the free parameters of a device and a network file on their chosen entries."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn project --config reference-configs/alibaba-2020-03.yaml --hardware v100-32gb --network alibaba-vpc-32gbit --gpus 128",
      "  bin/dawn project --config reference-configs/huawei-2019-03.yaml --hardware v100-16gb,v100-32gb --network huawei-modelarts-ib --stack tensorflow-amp --gpus 128",
      "  bin/dawn project --config reference-configs/fastai-2018-09.yaml --hardware v100-16gb --network aws-p3-25gbit --stack pytorch-2018-ddp-fp16 --gpus 64 --fusion-sweep",
      "  bin/dawn project --check",
      "  bin/dawn project --check --sweep results/sweeps/<timestamp>-fusion-network-2-workers",
      "  bin/dawn project --fit --hardware v100-16gb --network aws-p3-25gbit"
    })
final class ProjectCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML training config (its epochs, phases, data set and model).")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--hardware",
      paramLabel = "NAME|FILE[,NAME...]",
      description =
          "Device file, or its name in --hardware-dir (v100-16gb, v100-32gb, p100, k80, tpuv2-core, cpu). "
              + "Several, comma-separated, when the device is not known: the first is projected, the band spans "
              + "all. With --check --sweep: the machine the runs ran on (default: cpu).")
  String hardware;

  @Option(
      names = "--network",
      paramLabel = "NAME|FILE",
      description =
          "Network file, or its name in --network-dir: the cluster the devices are joined by (aws-p3-25gbit, "
              + "alibaba-vpc-32gbit, huawei-modelarts-ib, dgx1-infiniband, aws-p2-10gbit, tpu-pod, ethernet-10gbit, "
              + "emulated-tbf). With --check --sweep: the emulated links (default: emulated-tbf).")
  String network;

  @Option(
      names = "--net",
      paramLabel = "KEY=VALUE",
      description =
          "Override one network parameter, e.g. --net network.gigabitsPerSecond=100 (repeatable).")
  List<String> networkOverrides = new ArrayList<>();

  @Option(
      names = "--network-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/networks",
      description = "Where network names are looked up. Default: ${DEFAULT-VALUE}.")
  Path networkDir;

  @Option(
      names = "--hw",
      paramLabel = "KEY=VALUE",
      description = "Override one device parameter, e.g. --hw device.efficiency=1 (repeatable).")
  List<String> hardwareOverrides = new ArrayList<>();

  @Option(
      names = "--hardware-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/hardware",
      description = "Where hardware names are looked up. Default: ${DEFAULT-VALUE}.")
  Path hardwareDir;

  @Option(
      names = "--stack",
      paramLabel = "NAME|FILE",
      description =
          "Software stack file, or its name in --stack-dir (tensorflow-xla-amp, pytorch-2018-ddp-fp16, "
              + "mxnet-2018-fp16, ...). Default: the stack the hardware file's images/s were measured with "
              + "(its device.stack). --check uses each entry's own stack.")
  String stack;

  @Option(
      names = "--stack-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs/stacks",
      description = "Where stack names are looked up. Default: ${DEFAULT-VALUE}.")
  Path stackDir;

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

  @Option(
      names = "--check",
      description =
          "Project each published multi-machine entry from its JSON's phases and compare "
              + "with its published hours at the epoch its TSV reaches 93%% top-5, with the band its files "
              + "allow; with --sweep, check a sweep instead.")
  boolean check;

  @Option(
      names = "--sweep",
      paramLabel = "DIR",
      description =
          "With --check: a sweep folder of 'dawn launch' runs (workers: N, distributed.network and "
              + "distributed.fusion.thresholdBytes swept) to hold the model against; writes "
              + "<out>/sweep-check-<sweep>.csv.")
  Path sweep;

  @Option(
      names = "--configs-dir",
      paramLabel = "DIR",
      defaultValue = "reference-configs",
      description =
          "Where --check reads the configs of entries the corpus no longer holds (a record replaced "
              + "in place by a later one). Default: ${DEFAULT-VALUE}.")
  Path configsDir;

  @Option(
      names = "--fit",
      description =
          "Calibrate the fit.parameters of --hardware and --network on their fit.entries and print the values.")
  boolean fit;

  @Option(
      names = "--entries",
      paramLabel = "DIR",
      description =
          "DAWNBench entries checkout for --check and --fit. Default: $DAWNBENCH_ENTRIES, else ../shared/dawnbench-entries.")
  Path entries;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    try {
      if (check && sweep != null) return checkSweep(o);
      if (sweep != null) throw new BadInputException("--sweep DIR goes with --check");
      if (check) return check(o);
      if (fit) return fit(o);
      return project(o);
    } catch (ProjectionFileException | IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    } finally {
      o.flush();
    }
  }

  private int project(PrintWriter o) {
    if (config == null)
      throw new BadInputException("--config FILE is required (or --check / --fit)");
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
    var device = HardwareFile.load(devices.get(0).strip(), hardwareDir, hardwareOverrides);
    var net = NetworkFile.load(network, networkDir, networkOverrides);
    var deviceStack = StackFile.load(device.spec().device().stack(), stackDir);
    var stackFile =
        StackFile.file(stack != null ? stack : device.spec().device().stack(), stackDir);
    List<ClusterFiles> others = new ArrayList<>();
    for (String name : devices.subList(1, devices.size())) {
      var other = HardwareFile.load(name.strip(), hardwareDir, hardwareOverrides);
      others.add(
          new ClusterFiles(
              other, StackFile.load(other.spec().device().stack(), stackDir), net, stackFile));
    }
    return new ClusterFiles(device, deviceStack, net, stackFile, others);
  }

  private void requireNetwork() {
    if (network == null) {
      throw new BadInputException(
          "--network NAME|FILE is required: the cluster the devices are joined by (files in "
              + networkDir
              + ": "
              + ProjectionFile.available(networkDir)
              + ")");
    }
  }

  private int check(PrintWriter o) {
    Path dir = EntriesLocation.resolve(entries);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var rows =
        new PublishedCheck(dir, configsDir, hardwareDir, networkDir, stackDir)
            .run(PublishedEntry.MULTI_MACHINE, gradients);
    PublishedCheckTable.print(rows, o);
    return 0;
  }

  private int checkSweep(PrintWriter o) {
    var cells = SweepMeasurements.read(sweep);
    var device =
        HardwareFile.load(hardware != null ? hardware : "cpu", hardwareDir, hardwareOverrides);
    var net =
        NetworkFile.load(network != null ? network : "emulated-tbf", networkDir, networkOverrides);
    var deviceStack = StackFile.load(device.spec().device().stack(), stackDir);
    var result = new SweepCheck(device, net, deviceStack).run(cells);
    SweepCheckTable.print(result, device, net, o);
    Path csv =
        out.resolve(
            "sweep-check-"
                + fileName(sweep.toAbsolutePath().normalize().getFileName().toString())
                + ".csv");
    o.println("written: " + ProjectionFiles.writeSweepCheck(result, csv));
    return 0;
  }

  private int fit(PrintWriter o) {
    if (hardware == null || network == null)
      throw new BadInputException(
          "--fit needs --hardware NAME|FILE and --network NAME|FILE (whose fit: sections say what to fit)");
    Path dir = EntriesLocation.resolve(entries);
    var device = HardwareFile.load(hardware, hardwareDir, hardwareOverrides);
    var net = NetworkFile.load(network, networkDir, networkOverrides);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var result =
        new ParameterFit(
                new PublishedCheck(dir, configsDir, hardwareDir, networkDir, stackDir), gradients)
            .fit(device, net);
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

  private static String fileName(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
