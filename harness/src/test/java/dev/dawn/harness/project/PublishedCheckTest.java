package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dawn.workloads.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The projection against the published multi-machine entries. Needs the DAWNBench entries
 * ($DAWNBENCH_ENTRIES or ../shared/dawnbench-entries); skipped without them.
 */
class PublishedCheckTest {
  static final Path HARDWARE = Path.of("..", "reference-configs", "hardware");

  /** Epochs to 93% top-5 and published hours there, from each entry's TSV in ImageNet/train/. */
  static final Map<String, double[]> PUBLISHED =
      Map.of(
          "fastai_resnet50_p3_4_machine_pytorch", new double[] {29, 0.49509},
          "fastai_resnet50_p3_8_machine_pytorch", new double[] {30, 0.31472},
          "fastai_resnet50_p3_16_machine_pytorch", new double[] {38, 0.3014392769998974},
          "huaweicloud_resnet50_modelarts_16_machine_mxnet121", new double[] {30, 0.155883},
          "huaweicloud_resnet50_modelarts_16_machine_tensorflow18", new double[] {36, 0.045093458},
          "alibabacloud_resnet50_gn6e_1_machine_tensorflow", new double[] {21, 0.360461111},
          "alibabacloud_resnet50_gn6e_16_machine_tensorflow", new double[] {28, 0.043763889});

  /**
   * Relative error of each pure prediction as the committed model gives it (REPORT.md's table): a
   * change to the model, the hardware or the stack files that moves one by more than a point must
   * update the report too. The test pins each error; it does not widen the issue's +-25%.
   */
  static final Map<String, Double> PREDICTED_ERROR =
      Map.of(
          "fastai_resnet50_p3_8_machine_pytorch", 0.069,
          "huaweicloud_resnet50_modelarts_16_machine_mxnet121", -0.201,
          "huaweicloud_resnet50_modelarts_16_machine_tensorflow18", 0.176);

  /** Each entry's software stack, from its JSON's "framework" field and public writeup. */
  static final Map<String, String> STACK =
      Map.of(
          "fastai_resnet50_p3_4_machine_pytorch", "pytorch-2018-ddp-fp16",
          "fastai_resnet50_p3_8_machine_pytorch", "pytorch-2018-ddp-fp16",
          "fastai_resnet50_p3_16_machine_pytorch", "pytorch-2018-ddp-fp16",
          "huaweicloud_resnet50_modelarts_16_machine_mxnet121", "mxnet-2018-fp16",
          "huaweicloud_resnet50_modelarts_16_machine_tensorflow18", "tensorflow-xla-amp",
          "alibabacloud_resnet50_gn6e_1_machine_tensorflow", "tensorflow-xla-amp",
          "alibabacloud_resnet50_gn6e_16_machine_tensorflow", "tensorflow-xla-amp");

  static Path entries;
  static List<Long> gradients;

  @BeforeAll
  static void corpus() {
    String env = System.getenv("DAWNBENCH_ENTRIES");
    // tests run in harness/, so the worktree's ../shared is ../../shared here
    entries =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of("..", "..", "shared", "dawnbench-entries");
    Assumptions.assumeTrue(
        Files.isDirectory(entries.resolve("ImageNet/train")),
        "DAWNBench entries not found: clone https://github.com/stanford-futuredata/dawn-bench-entries and set DAWNBENCH_ENTRIES");
    gradients = ModelGradients.elementCounts(ModelSpec.of("resnet50", 1000));
  }

  @Test
  void projectedAgainstPublishedHoursToTheTarget() {
    var rows =
        new PublishedCheck(entries, HARDWARE, StackFileTest.DIR)
            .run(PublishedEntry.MULTI_MACHINE, gradients);
    assertThat(rows).hasSize(7);
    StringBuilder table = new StringBuilder("entry | published h | projected h | error | role\n");
    for (var r : rows) {
      table.append(
          String.format(
              java.util.Locale.ROOT,
              "%s | %.5f | %.5f | %+.1f%% | %s%n",
              r.entry().label(),
              r.publishedHours(),
              r.projectedHours(),
              100 * r.relativeError(),
              r.fitted() ? "fitted" : "predicted"));
    }
    System.out.print(table);
    for (var r : rows) {
      double[] published = PUBLISHED.get(r.entry().file());
      assertThat(r.targetEpoch()).as(r.entry().file()).isEqualTo((int) published[0]);
      assertThat(r.publishedHours()).as(r.entry().file()).isCloseTo(published[1], within(1e-9));
      assertThat(r.stack().spec().name())
          .as(r.entry().file())
          .isEqualTo(STACK.get(r.entry().file()));
      if (r.fitted()) {
        // two parameters on two entries of the same hardware: the fit meets both
        assertThat(r.relativeError()).as(r.entry().file()).isCloseTo(0, within(0.01));
      } else {
        assertThat(r.relativeError())
            .as(r.entry().file() + "\n" + table)
            .isCloseTo(PREDICTED_ERROR.get(r.entry().file()), within(0.01));
      }
    }
    assertThat(rows.stream().filter(r -> !r.fitted()).count()).isEqualTo(3);
    // what REPORT.md states: all 3 predictions within +-25%, mean |error| 14.8%
    assertThat(rows.stream().filter(r -> !r.fitted() && Math.abs(r.relativeError()) <= 0.25))
        .hasSize(3);
    assertThat(
            rows.stream()
                .filter(r -> !r.fitted())
                .mapToDouble(r -> Math.abs(r.relativeError()))
                .average()
                .orElseThrow())
        .isCloseTo(0.148, within(0.005));
  }

  @Test
  void theFitFindsTheValuesInTheHardwareFiles() {
    var check = new PublishedCheck(entries, HARDWARE, StackFileTest.DIR);
    for (String hw : List.of("v100-16gb", "v100-32gb")) {
      HardwareFile file = HardwareFile.load(hw, HARDWARE, List.of());
      // start the fit from other values: it must not depend on what the file says
      var result =
          new ParameterFit(check, gradients)
              .fit(hw, file.with(List.of("device.efficiency=1.0", "network.efficiency=1.0")));
      for (var e : result.values().entrySet()) {
        assertThat(e.getValue())
            .as(hw + " " + e.getKey())
            .isCloseTo(file.number(e.getKey()), within(0.02 * file.number(e.getKey())));
      }
    }
  }
}
