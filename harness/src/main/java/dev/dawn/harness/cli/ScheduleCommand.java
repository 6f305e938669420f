package dev.dawn.harness.cli;

import dev.dawn.harness.train.ScheduleSamples;
import dev.dawn.reporters.charts.ScheduleChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a training config's recipe without training: learning rate, momentum, resolution and batch size "
          + "against epochs, as the training loop would feed them (PNG, four stacked panels)."
    },
    footer = {
      "",
      "Example:",
      "  bin/dawn schedule reference-configs/huawei-2019-03.yaml --scale cpu --out huawei-cpu.png"
    })
final class ScheduleCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "YAML training config.")
  Path config;

  @Mixin ConfigLayerOptions layers;

  @Option(
      names = "--out",
      paramLabel = "FILE.png",
      description =
          "Where to write the chart. Default: <config name>-schedule.png in the current folder.")
  Path out;

  @Option(
      names = "--points-per-epoch",
      paramLabel = "N",
      defaultValue = "50",
      description = "Sample points per epoch. Default: ${DEFAULT-VALUE}.")
  int pointsPerEpoch;

  @Override
  public Integer call() throws Exception {
    if (pointsPerEpoch < 1 || pointsPerEpoch > 10_000) {
      throw new BadInputException("--points-per-epoch must be in 1..10000, got " + pointsPerEpoch);
    }
    var loaded = layers.load(config);
    var c = loaded.config();
    var samples = ScheduleSamples.of(c, pointsPerEpoch);
    String title =
        c.name()
            + ": "
            + c.optimizer().name()
            + ", "
            + c.model().architecture()
            + " x"
            + c.model().width()
            + ", "
            + c.train().epochs()
            + " epochs";
    byte[] png =
        ScheduleChart.png(
            title,
            samples.epochs(),
            List.of(
                new ScheduleChart.Panel("learning rate", samples.learningRate()),
                new ScheduleChart.Panel("momentum", samples.momentum()),
                new ScheduleChart.Panel("resolution (px)", samples.resolution()),
                new ScheduleChart.Panel("batch size", samples.batchSize())));
    Path target = out != null ? out : Path.of(c.name() + "-schedule.png");
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    Files.write(target, png);
    spec.commandLine().getOut().println("schedule of " + c.name() + " written to " + target);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
