package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackFileTest {
  static final Path DIR = Path.of("..", "reference-configs", "stacks");

  @Test
  void everyStackFileLoadsAndItsFiguresHaveACommentAbove() throws Exception {
    List<Path> files = FigureComments.yamlFiles(DIR);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains("tensorflow-xla-amp.yaml", "pytorch-2018-ddp-fp16.yaml", "mxnet-2018-fp16.yaml");
    for (Path f : files) {
      StackSpec s = StackFile.load(f.toString(), DIR);
      assertThat(s.name() + ".yaml").as(f.toString()).isEqualTo(f.getFileName().toString());
      // a stack is compared with an anchor (itself, or a stack that is its own reference)
      assertThat(StackFile.load(s.compute().relativeTo(), DIR).anchor()).as(f.toString()).isTrue();
      FigureComments.assertCommentAbove(
          f,
          List.of(
              "relativeSpeed:", "exchange:", "bytesPerGradientValue:", "fusionThresholdBytes:"));
      FigureComments.assertCommentAbove(
          f,
          StackFile.file(f.toString(), DIR).ranges().keySet().stream().map(k -> k + ":").toList());
    }
  }

  @Test
  void everyHardwareFileNamesAStackThatExists() throws Exception {
    try (var s = Files.list(HardwareFileTest.DIR)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        var hw = HardwareFile.load(f.toString(), HardwareFileTest.DIR, List.of()).spec();
        assertThat(StackFile.load(hw.device().stack(), DIR).name()).isEqualTo(hw.device().stack());
      }
    }
  }

  @Test
  void aStackScalesImagesPerSecondByItsSpeedOverTheHardwareStacksSpeed() {
    StackSpec anchor = stack("a", "a", 1.0, 2, 0);
    StackSpec slow = stack("slow", "a", 0.5, 2, 0);
    StackSpec slower = stack("slower", "a", 0.25, 2, 0);
    assertThat(SoftwareStack.on(slow, anchor).speedFactor()).isEqualTo(0.5);
    assertThat(SoftwareStack.on(anchor, slow).speedFactor()).isEqualTo(2.0);
    assertThat(SoftwareStack.on(slower, slow).speedFactor()).isEqualTo(0.5);
    assertThat(SoftwareStack.on(slow, slow).speedFactor()).isEqualTo(1.0);
    // the test device: 1000 images/s at 200 px with its own stack; half as fast a stack halves
    // images/s and doubles compute, and communication is unchanged
    var hw = TestHardware.file().spec();
    var own =
        new StepModel(
            hw, TestHardware.network().spec(), TestHardware.STACK, 8, List.of(1_000_000L), 0);
    var half =
        new StepModel(
            hw,
            TestHardware.network().spec(),
            SoftwareStack.on(
                new StackSpec(
                    "half",
                    "t",
                    new StackSpec.Compute("test-stack", 0.5),
                    new StackSpec.Communication(StackSpec.Communication.ALL_REDUCE, 4, 0)),
                TestHardware.STACK_SPEC),
            8,
            List.of(1_000_000L),
            0);
    assertThat(half.deviceImagesPerSecond(200, 100)).isCloseTo(500, within(1e-9));
    assertThat(half.step(200, 800).compute())
        .isCloseTo(2 * own.step(200, 800).compute(), within(1e-12));
    assertThat(half.allReduceSeconds()).isCloseTo(own.allReduceSeconds(), within(1e-15));
  }

  @Test
  void theStacksGradientPrecisionSetsTheBytesSent() {
    var hw = TestHardware.file().spec();
    var fp32 =
        new StepModel(
            hw, TestHardware.network().spec(), TestHardware.STACK, 8, List.of(1_000_000L), 0);
    var fp16 =
        new StepModel(
            hw,
            TestHardware.network().spec(),
            new SoftwareStack(stack("fp16", "test-stack", 1.0, 2, 0), 1.0),
            8,
            List.of(1_000_000L),
            0);
    // zero latencies in the test device: time is bytes / bandwidth, so half the bytes take half
    assertThat(fp16.allReduceSeconds()).isCloseTo(fp32.allReduceSeconds() / 2, within(1e-15));
  }

  @Test
  void aPushPullStackSendsEachMessageThroughParameterServers() {
    // 2 nodes x 4 devices of the test hardware, one tensor of 1e6 values x 4 bytes = 4 MB
    var hw = TestHardware.file().spec();
    var net = TestHardware.network("network.latencySeconds=0.001").spec();
    var pushPull =
        new StepModel(
            hw,
            net,
            new SoftwareStack(
                new StackSpec(
                    "ps",
                    "t",
                    new StackSpec.Compute("test-stack", 1.0),
                    new StackSpec.Communication(StackSpec.Communication.PUSH_PULL, 4, 0)),
                1.0),
            8,
            List.of(1_000_000L),
            0);
    var allReduce = new StepModel(hw, net, TestHardware.STACK, 8, List.of(1_000_000L), 0);
    // inside: 2 x 3/4 x 4e6 / 1e9 = 6 ms; between: 2 x 1/2 x 4e6 / 1e9 = 4 ms, + 2 legs x 1 ms
    assertThat(pushPull.allReduceSeconds()).isCloseTo(0.012, within(1e-12));
    // the hierarchical ring of 2 nodes pays 2 x (2-1) hops: the same here
    assertThat(allReduce.allReduceSeconds()).isCloseTo(0.012, within(1e-12));
    // at 16 nodes the ring pays 30 hops, push-pull still 2 legs
    var hw16 = TestHardware.file().spec();
    var pp16 =
        new StepModel(hw16, net, pushPull.stack(), 64, List.of(1_000_000L), 0).allReduceSeconds();
    var ar16 =
        new StepModel(hw16, net, TestHardware.STACK, 64, List.of(1_000_000L), 0).allReduceSeconds();
    assertThat(ar16 - pp16).isCloseTo(0.030 - 0.002, within(1e-12));
  }

  @Test
  void stacksOfDifferentFamiliesDoNotCompare() {
    StackSpec v100 = stack("v", "v", 1.0, 2, 0);
    StackSpec k80 = stack("k", "k", 1.0, 4, 0);
    assertThatThrownBy(() -> SoftwareStack.on(k80, v100))
        .hasMessageContaining("never measured against each other");
  }

  @Test
  void brokenStackFilesNameTheKey() {
    String good =
        """
        name: s
        framework: f
        compute:
          relativeTo: a
          relativeSpeed: 0.5
        communication:
          exchange: all-reduce
          bytesPerGradientValue: 2
          fusionThresholdBytes: 0
        """;
    assertThat(StackFile.parse(good, "s.yaml").compute().relativeSpeed()).isEqualTo(0.5);
    assertThatThrownBy(() -> StackFile.parse(good.replace("0.5", "0"), "s.yaml"))
        .hasMessage("s.yaml:5: compute.relativeSpeed must be > 0");
    assertThatThrownBy(
            () -> StackFile.parse(good.replace("relativeTo: a", "relativeTo: s"), "s.yaml"))
        .hasMessage("s.yaml:5: compute.relativeSpeed of a stack compared with itself must be 1");
    assertThatThrownBy(
            () -> StackFile.parse(good.replace("framework: f", "framework: f\nspeed: 2"), "s.yaml"))
        .hasMessageContaining("unknown key 'speed'");
    assertThatThrownBy(() -> StackFile.parse(good.replace("all-reduce", "gossip"), "s.yaml"))
        .hasMessage("s.yaml:7: communication.exchange must be all-reduce or push-pull");
    String ranged = good + "ranges:\n  compute.relativeSpeed: [0.4, 0.6]\n";
    assertThat(StackFile.parse(ranged, "s.yaml").compute().relativeSpeed()).isEqualTo(0.5);
    assertThatThrownBy(() -> StackFile.parse(ranged.replace("[0.4, 0.6]", "[0.6, 0.7]"), "s.yaml"))
        .hasMessage(
            "s.yaml:11: the range of 'compute.relativeSpeed' [0.6, 0.7] must hold its value 0.5");
    assertThatThrownBy(() -> StackFile.parse(ranged.replace("[0.4, 0.6]", "[0.4]"), "s.yaml"))
        .hasMessageContaining("must be [low, high], two finite numbers");
    assertThatThrownBy(
            () ->
                StackFile.parse(
                    ranged.replace("compute.relativeSpeed: [", "compute.speed: ["), "s.yaml"))
        .hasMessage("s.yaml:11: range of 'compute.speed', which is not a number of this file");
    assertThatThrownBy(() -> StackFile.load("nope", DIR))
        .hasMessageContaining("stack 'nope': no such file")
        .hasMessageContaining("tensorflow-xla-amp");
  }

  private static StackSpec stack(
      String name, String relativeTo, double speed, int bytes, long fusion) {
    return new StackSpec(
        name,
        "test",
        new StackSpec.Compute(relativeTo, speed),
        new StackSpec.Communication(StackSpec.Communication.ALL_REDUCE, bytes, fusion));
  }
}
