package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.run.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dawn recipes} finds our runs by their config's name; {@code dawn schedule} draws a recipe.
 */
class RecipesAndScheduleCommandTest {
  static final String CONFIGS = Path.of("..", "reference-configs").toString();
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  static Run dawn(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = DawnCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void recipesListsEveryPublishedResultAndNotRunYetWithoutRuns() {
    Run run = dawn("recipes", "--configs", CONFIGS, "--results", tmp.resolve("empty").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "huawei-2019-03  (huawei-2019-03.yaml)",
            "published:  0:04:08 to top5Accuracy >= 93 on 128 x V100")
        .contains(
            "alibaba-2020-03", "0:02:38", "huawei-2019-05", "0:02:43", "fastai-2018-09", "0:18:05")
        .contains("google-tpupod-2018-04", "page-resnet9-cifar10", "airbench94-cifar10")
        .contains("ours (huawei-2019-03-cpu): not run yet");
  }

  @Test
  void recipesShowsTheLatestRunWhoseConfigNameMatchesNotAFolderThatMerelyEndsAlike()
      throws Exception {
    Path results = tmp.resolve("results");
    Run train =
        dawn(
            "train",
            "--config",
            CONFIGS + "/page-resnet9-cifar10.yaml",
            "--scale",
            "cpu",
            "--results",
            results.toString(),
            "--set",
            "data.path=" + tmp.resolve("synthetic-4"),
            "--set",
            "data.synthetic.classes=4",
            "--set",
            "data.synthetic.trainPerClass=8",
            "--set",
            "data.synthetic.valPerClass=2",
            "--set",
            "data.synthetic.imageSize=16",
            "--set",
            "data.workers=1",
            "--set",
            "model.width=0.125",
            "--set",
            "train.epochs=1",
            "--set",
            "train.batchSize=8",
            "--set",
            "train.resolution=16",
            "--set",
            "train.evalResolution=16",
            "--set",
            "train.evalBatchSize=8",
            "--set",
            "train.targetAccuracy=100",
            "--set",
            "threads.intraOp=1",
            "--set",
            "threads.interOp=1");
    assertThat(train.exit()).as(train.err()).isIn(0, 3);
    Path real;
    try (Stream<Path> s = Files.list(results.resolve("runs"))) {
      real = s.findFirst().orElseThrow();
    }
    // A newer folder whose name ends like the scaled config's but whose config.yaml names another
    // config.
    Path decoy =
        Files.createDirectories(results.resolve("runs/20991231-235959-x-page-resnet9-cifar10-cpu"));
    Files.copy(real.resolve(RunFolder.EVENTS), decoy.resolve(RunFolder.EVENTS));
    Files.writeString(decoy.resolve(RunFolder.CONFIG), "name: x-page-resnet9-cifar10-cpu\n");
    // A newer folder with our name but an unreadable config is not attributed either.
    Path broken =
        Files.createDirectories(results.resolve("runs/20991231-235958-page-resnet9-cifar10-cpu"));
    Files.copy(real.resolve(RunFolder.EVENTS), broken.resolve(RunFolder.EVENTS));
    Files.writeString(broken.resolve(RunFolder.CONFIG), "name: [unclosed\n");

    Run run = dawn("recipes", "--configs", CONFIGS, "--results", results.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    String line =
        run.out()
            .lines()
            .filter(l -> l.contains("ours (page-resnet9-cifar10-cpu)"))
            .findFirst()
            .orElseThrow();
    assertThat(line).contains("[" + real.getFileName() + "]").doesNotContain("20991231");
    assertThat(line)
        .matches(
            ".*(\\d+:\\d\\d:\\d\\d to top5Accuracy >= 100 \\(epoch 1, 100\\.00%\\)|not reached).*");
    assertThat(run.out()).contains("ours (huawei-2019-03-cpu): not run yet");
  }

  @Test
  void scheduleDrawsFourStackedPanelsForTheScaledForm() throws Exception {
    Path png = tmp.resolve("charts/huawei-cpu.png");
    Run run =
        dawn(
            "schedule",
            CONFIGS + "/huawei-2019-03.yaml",
            "--scale",
            "cpu",
            "--out",
            png.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("schedule of huawei-2019-03-cpu written to");
    var image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    Path one = tmp.resolve("one.png");
    // Same chart code with a single panel's height: four panels are four times as tall.
    Files.write(
        one,
        dev.dawn.reporters.charts.ScheduleChart.png(
            "t",
            new double[] {0, 1},
            List.of(new dev.dawn.reporters.charts.ScheduleChart.Panel("x", new double[] {0, 1}))));
    assertThat(image.getHeight()).isEqualTo(4 * ImageIO.read(one.toFile()).getHeight());
  }

  @Test
  void scheduleOfAnUnknownScaleIsBadInput() {
    Run run =
        dawn(
            "schedule",
            CONFIGS + "/huawei-2019-03.yaml",
            "--scale",
            "gpu",
            "--out",
            tmp.resolve("x.png").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--scale gpu: no such scale", "cpu");
    assertThat(tmp.resolve("x.png")).doesNotExist();
  }
}
