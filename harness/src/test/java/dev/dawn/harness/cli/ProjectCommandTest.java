package dev.dawn.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandTest {
  static final String CONFIGS = Path.of("..", "reference-configs").toString();
  static final String HARDWARE = Path.of("..", "reference-configs", "hardware").toString();
  static final String STACKS = Path.of("..", "reference-configs", "stacks").toString();
  static final String NETWORKS = Path.of("..", "reference-configs", "networks").toString();
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
  void printsEveryEpochAndWritesCsvAndChart() throws Exception {
    Run run =
        dawn(
            "project",
            "--config",
            CONFIGS + "/fastai-2018-09.yaml",
            "--hardware",
            "v100-16gb",
            "--hardware-dir",
            HARDWARE,
            "--stack-dir",
            STACKS,
            "--network",
            "aws-p3-25gbit",
            "--network-dir",
            NETWORKS,
            "--gpus",
            "128",
            "--out",
            tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "fastai-2018-09 on 128 x",
            "(16 nodes x 8)",
            "161 tensors",
            "1 message per step",
            "projected time to epoch 40 (planned last)");
    Path csv = tmp.resolve("fastai-2018-09-v100-16gb-128gpus.csv");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(41);
    assertThat(lines.get(0))
        .isEqualTo(
            "epoch,resolution,global_batch,steps,compute_hours,communication_hours,input_hours,epoch_hours,cumulative_hours");
    assertThat(lines.get(40)).startsWith("40,288,16384,79,");
    assertThat(ImageIO.read(tmp.resolve("fastai-2018-09-v100-16gb-128gpus.png").toFile()))
        .isNotNull();
  }

  @Test
  void aTsvStopsTheProjectionWhereItReachesTheTarget() throws Exception {
    Path tsv = tmp.resolve("log.tsv");
    Files.writeString(
        tsv,
        "epoch\thours\ttop1Accuracy\ttop5Accuracy\n0\t0.1\t50\t80\n1\t0.2\t60\t93.5\n2\t0.3\t70\t95\n");
    Run run =
        dawn(
            "project",
            "--config",
            CONFIGS + "/alibaba-2020-03.yaml",
            "--hardware",
            "v100-32gb",
            "--hardware-dir",
            HARDWARE,
            "--stack-dir",
            STACKS,
            "--network",
            "alibaba-vpc-32gbit",
            "--network-dir",
            NETWORKS,
            "--gpus",
            "8",
            "--tsv",
            tsv.toString(),
            "--out",
            tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("projected time to epoch 2 (where the TSV reaches the target)");
  }

  @Test
  void theFusionSweepGoesFromOneMessagePerTensorTo256MiB() throws Exception {
    Run run =
        dawn(
            "project",
            "--config",
            CONFIGS + "/huawei-2019-05.yaml",
            "--hardware",
            "v100-16gb",
            "--hardware-dir",
            HARDWARE,
            "--stack-dir",
            STACKS,
            "--network",
            "huawei-modelarts-ib",
            "--network-dir",
            NETWORKS,
            "--gpus",
            "128",
            "--fusion-sweep",
            "--out",
            tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("0.0000 MiB        161", "256.0000 MiB          1");
    assertThat(Files.readAllLines(tmp.resolve("huawei-2019-05-v100-16gb-128gpus-fusion-sweep.csv")))
        .hasSize(1 + 1 + 19);
  }

  @Test
  void badInputGetsOneLineAndExitTwo() {
    Run partialNode =
        dawn(
            "project",
            "--config",
            CONFIGS + "/fastai-2018-09.yaml",
            "--hardware",
            "v100-16gb",
            "--hardware-dir",
            HARDWARE,
            "--stack-dir",
            STACKS,
            "--network",
            "aws-p3-25gbit",
            "--network-dir",
            NETWORKS,
            "--gpus",
            "12",
            "--out",
            tmp.toString());
    assertThat(partialNode.exit()).isEqualTo(2);
    assertThat(partialNode.err().strip())
        .isEqualTo("dawn project: 12 devices do not fill whole nodes of 8");
    Run unknownKey =
        dawn(
            "project",
            "--config",
            CONFIGS + "/fastai-2018-09.yaml",
            "--hardware",
            "v100-16gb",
            "--hardware-dir",
            HARDWARE,
            "--stack-dir",
            STACKS,
            "--network",
            "aws-p3-25gbit",
            "--network-dir",
            NETWORKS,
            "--gpus",
            "8",
            "--hw",
            "network.speed=3",
            "--out",
            tmp.toString());
    assertThat(unknownKey.exit()).isEqualTo(2);
    assertThat(unknownKey.err())
        .contains("unknown hardware key 'network.speed'")
        .doesNotContain("Exception");
    Run noGpus =
        dawn("project", "--config", CONFIGS + "/fastai-2018-09.yaml", "--hardware", "v100-16gb");
    assertThat(noGpus.exit()).isEqualTo(2);
    assertThat(noGpus.err()).contains("--gpus N");
  }

  @Test
  void aStackOtherThanTheHardwareFiguresScalesComputeAndSetsTheMessages() throws Exception {
    Run own = projectFastai("v100-16gb", null, tmp.resolve("own"));
    Run pytorch = projectFastai("v100-16gb", "pytorch-2018-ddp-fp16", tmp.resolve("pytorch"));
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(pytorch.exit()).as(pytorch.err()).isZero();
    assertThat(own.out()).contains("stack: tensorflow-xla-amp (", "1.000 x the images/s");
    assertThat(pytorch.out())
        .contains(
            "stack: pytorch-2018-ddp-fp16 (",
            "0.588 x the images/s of tensorflow-xla-amp",
            "fusion threshold 268435456 bytes -> 1 message per step");
    // same hardware and phases: 1 / 0.588 times the compute of every epoch
    double ownCompute = computeHoursOfEpoch1(tmp.resolve("own"));
    double pytorchCompute = computeHoursOfEpoch1(tmp.resolve("pytorch"));
    assertThat(pytorchCompute / ownCompute)
        .isCloseTo(1 / 0.588, org.assertj.core.api.Assertions.within(1e-6));
    Run otherFamily = projectFastai("k80", "pytorch-2018-ddp-fp16", tmp.resolve("k80"));
    assertThat(otherFamily.exit()).isEqualTo(2);
    assertThat(otherFamily.err().strip())
        .startsWith("dawn project: stack 'pytorch-2018-ddp-fp16' is compared with")
        .endsWith("their speeds were never measured against each other");
  }

  @Test
  void aNetworkIsRequiredAndAnUnknownDeviceSpansTheBand() throws Exception {
    Run noNetwork =
        dawn(
            "project",
            "--config",
            CONFIGS + "/huawei-2019-03.yaml",
            "--hardware",
            "v100-16gb",
            "--hardware-dir",
            HARDWARE,
            "--network-dir",
            NETWORKS,
            "--gpus",
            "128");
    assertThat(noNetwork.exit()).isEqualTo(2);
    assertThat(noNetwork.err().strip())
        .startsWith("dawn project: --network NAME|FILE is required")
        .contains("aws-p3-25gbit, dgx1-infiniband")
        .doesNotContain("\n");
    Run huawei =
        dawn(
            "project",
            "--config",
            CONFIGS + "/huawei-2019-03.yaml",
            "--hardware",
            "v100-16gb,v100-32gb",
            "--hardware-dir",
            HARDWARE,
            "--network",
            "huawei-modelarts-ib",
            "--network-dir",
            NETWORKS,
            "--stack",
            "tensorflow-amp",
            "--stack-dir",
            STACKS,
            "--gpus",
            "128",
            "--out",
            tmp.toString());
    assertThat(huawei.exit()).as(huawei.err()).isZero();
    assertThat(huawei.out())
        .contains(
            "joined by Huawei Cloud ModelArts, InfiniBand (rate not published)",
            "over device v100-16gb|v100-32gb, network.gigabitsPerSecond 56-400, network.efficiency"
                + " 0.1403-1, network.latencySeconds 5.0E-6-3.0E-5, compute.relativeSpeed 0.685-0.741");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "projected time to epoch 35 \\(planned last\\): ([0-9.]+) hours[\\s\\S]*band: ([0-9.]+)-([0-9.]+) hours")
            .matcher(huawei.out());
    assertThat(m.find()).as(huawei.out()).isTrue();
    double central = Double.parseDouble(m.group(1));
    assertThat(central).isBetween(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
  }

  @Test
  void checkAndFitAreSubcommandsAndTheOldFlagsSaySo() {
    Run old = dawn("project", "--check");
    assertThat(old.exit()).isEqualTo(2);
    assertThat(old.err().strip())
        .isEqualTo(
            "dawn project: --check is a subcommand now: dawn project check (see 'dawn project --help')");
    assertThat(dawn("project", "--fit").err()).contains("dawn project fit");
    Run notASweep = dawn("project", "check", "--sweep", tmp.toString());
    assertThat(notASweep.exit()).isEqualTo(2);
    assertThat(notASweep.err().strip())
        .startsWith("dawn project check: " + tmp + ": not a sweep folder");
    Run fitWithoutFiles = dawn("project", "fit");
    assertThat(fitWithoutFiles.exit()).isEqualTo(2);
    assertThat(fitWithoutFiles.err()).contains("dawn project fit: Missing required options");
  }

  private static Run projectFastai(String hardware, String stack, Path out) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "project",
                "--config",
                CONFIGS + "/fastai-2018-09.yaml",
                "--hardware",
                hardware,
                "--hardware-dir",
                HARDWARE,
                "--stack-dir",
                STACKS,
                "--network",
                "aws-p3-25gbit",
                "--network-dir",
                NETWORKS,
                "--gpus",
                "8",
                "--out",
                out.toString()));
    if (stack != null) args.addAll(List.of("--stack", stack));
    return dawn(args.toArray(String[]::new));
  }

  private static double computeHoursOfEpoch1(Path dir) throws Exception {
    Path csv;
    try (var files = Files.list(dir)) {
      csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    return Double.parseDouble(Files.readAllLines(csv).get(1).split(",")[4]);
  }
}
