package dev.dawn.harness.cli;

import dev.dawn.harness.project.ConfigRecipe;
import dev.dawn.harness.project.EpochProjection;
import dev.dawn.harness.project.FusionSweep;
import dev.dawn.harness.project.HardwareFile;
import dev.dawn.harness.project.HardwareFileException;
import dev.dawn.harness.project.HardwareSpec;
import dev.dawn.harness.project.ModelGradients;
import dev.dawn.harness.project.ParameterFit;
import dev.dawn.harness.project.Projection;
import dev.dawn.harness.project.ProjectionFiles;
import dev.dawn.harness.project.PublishedCheck;
import dev.dawn.harness.project.PublishedEntry;
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
    description = {
      "Project how long a recipe would train on N GPUs, without training: per epoch, the hours of compute, of",
      "gradient all-reduce not hidden behind the backward pass, and of waiting for the input pipeline, from a",
      "hardware file of published figures (reference-configs/hardware/*.yaml) and a software stack file",
      "(reference-configs/stacks/*.yaml: the framework's speed relative to the one the hardware figure was",
      "measured with, its gradient precision and fusion). Prints the table and writes it as",
      "CSV and a stacked-bar chart. --check compares the model with the published multi-machine DAWNBench entries;",
      "--fit calibrates a hardware file's free parameters on its chosen entries."
    },
    footer = {
      "",
      "Examples:",
      "  bin/dawn project --config reference-configs/alibaba-2020-03.yaml --hardware v100-32gb --gpus 128",
      "  bin/dawn project --config reference-configs/huawei-2019-05.yaml --hardware v100-16gb --gpus 128 --fusion-sweep",
      "  bin/dawn project --config reference-configs/fastai-2018-09.yaml --hardware v100-16gb --stack pytorch-2018-ddp-fp16 --gpus 64",
      "  bin/dawn project --check",
      "  bin/dawn project --fit --hardware v100-16gb"
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
      paramLabel = "NAME|FILE",
      description =
          "Hardware file, or its name in --hardware-dir (v100-16gb, v100-32gb, p100, k80, tpuv2-core, cpu).")
  String hardware;

  @Option(
      names = "--hw",
      paramLabel = "KEY=VALUE",
      description =
          "Override one hardware parameter, e.g. --hw network.gigabitsPerSecond=100 (repeatable).")
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
              + "with its published hours at the epoch its TSV reaches 93%% top-5.")
  boolean check;

  @Option(
      names = "--fit",
      description =
          "Calibrate --hardware's fit.parameters on its fit.entries and print the values.")
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
      if (check) return check(o);
      if (fit) return fit(o);
      return project(o);
    } catch (HardwareFileException | IllegalArgumentException e) {
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
    if (fusionThreshold != null && fusionThreshold < 0)
      throw new BadInputException("--fusion-threshold must be >= 0 bytes");
    var recipe = ConfigRecipe.load(config, layers.scale, layers.overrides);
    HardwareSpec hw = HardwareFile.load(hardware, hardwareDir, hardwareOverrides).spec();
    SoftwareStack sw =
        SoftwareStack.on(
            StackFile.load(stack != null ? stack : hw.device().stack(), stackDir),
            StackFile.load(hw.device().stack(), stackDir));
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
    List<Long> gradients = ModelGradients.elementCounts(recipe.model());
    long threshold = fusionThreshold != null ? fusionThreshold : sw.fusionThresholdBytes();
    StepModel model = new StepModel(hw, sw, gpus, gradients, threshold);
    Projection p = Projection.of(recipe.plan(), model, stem(hardware), gpus, lastEpoch);

    long params = gradients.stream().mapToLong(Long::longValue).sum();
    o.printf(
        Locale.ROOT,
        "%s on %d x %s (%d node%s x %d)%n",
        recipe.plan().name(),
        gpus,
        hw.name(),
        model.nodes(),
        model.nodes() == 1 ? "" : "s",
        model.devicesPerNode());
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
            : hw.communication().algorithm() + " all-reduce",
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
    Path base =
        out.resolve(fileName(recipe.plan().name() + "-" + stem(hardware) + "-" + gpus + "gpus"));
    o.println("written: " + ProjectionFiles.write(p, base));
    if (fusionSweep) {
      var points =
          FusionSweep.run(
              recipe.plan(),
              hw,
              sw,
              gpus,
              gradients,
              FusionSweep.thresholds(256L << 20),
              lastEpoch);
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
              + stem(hardware)
              + ": hours to epoch "
              + p.epochs().size()
              + " by fusion threshold";
      o.println(
          "written: " + ProjectionFiles.writeSweep(title, points, Path.of(base + "-fusion-sweep")));
    }
    return 0;
  }

  private int check(PrintWriter o) {
    Path dir = EntriesLocation.resolve(entries);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var rows =
        new PublishedCheck(dir, hardwareDir, stackDir).run(PublishedEntry.MULTI_MACHINE, gradients);
    o.println(
        "entry                                        GPUs hardware    stack                   speed epoch  published_h  projected_h   error  role       "
            + "compute/comm/input");
    double predictedAbs = 0;
    int predicted = 0;
    for (var r : rows) {
      var p = r.projection();
      o.printf(
          Locale.ROOT,
          "%-44s %4d %-11s %-22s %6.3f %5d %12.5f %12.5f %+6.1f%%  %-9s  %.0f/%.0f/%.0f%%%n",
          r.entry().label(),
          r.entry().devices(),
          r.entry().hardware(),
          r.entry().stack(),
          r.stack().speedFactor(),
          r.targetEpoch(),
          r.publishedHours(),
          r.projectedHours(),
          100 * r.relativeError(),
          r.fitted() ? "fitted" : "predicted",
          100 * p.computeHours() / p.totalHours(),
          100 * p.communicationHours() / p.totalHours(),
          100 * p.inputHours() / p.totalHours());
      if (!r.fitted()) {
        predictedAbs += Math.abs(r.relativeError());
        predicted++;
      }
    }
    long within = rows.stream().filter(r -> Math.abs(r.relativeError()) <= 0.25).count();
    long predictedWithin =
        rows.stream().filter(r -> !r.fitted() && Math.abs(r.relativeError()) <= 0.25).count();
    o.printf(
        Locale.ROOT,
        "%d of %d within +-25%%; predicted entries: %d of %d within +-25%%, mean |error| %.1f%%%n",
        within,
        rows.size(),
        predictedWithin,
        predicted,
        predicted == 0 ? 0 : 100 * predictedAbs / predicted);
    return 0;
  }

  private int fit(PrintWriter o) {
    if (hardware == null)
      throw new BadInputException(
          "--fit needs --hardware NAME|FILE (whose fit: section says what to fit)");
    Path dir = EntriesLocation.resolve(entries);
    HardwareFile file = HardwareFile.load(hardware, hardwareDir, hardwareOverrides);
    List<Long> gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
    var result =
        new ParameterFit(new PublishedCheck(dir, hardwareDir, stackDir), gradients)
            .fit(hardware, file);
    o.println("fitted on " + file.spec().fit().entries() + ":");
    result
        .values()
        .forEach(
            (k, v) -> o.printf(Locale.ROOT, "  %s: %.4f   (file: %.4f)%n", k, v, file.number(k)));
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

  private static String stem(String nameOrPath) {
    String n = Path.of(nameOrPath).getFileName().toString();
    return n.endsWith(".yaml") ? n.substring(0, n.length() - 5) : n;
  }

  private static String fileName(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
