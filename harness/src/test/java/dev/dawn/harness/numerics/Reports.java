package dev.dawn.harness.numerics;

import dev.dawn.workloads.numerics.CheckResult;
import java.util.ArrayList;
import java.util.List;

/** Hand-made reports of the check suite for the gate's and the doctor's tests. */
final class Reports {
  private Reports() {}

  static CheckResult passed(String id, String precision, String variant) {
    return new CheckResult(
        id, "op", precision, variant, "conv", "", 0.1, 1.0, 0.1, true, true, 0.01);
  }

  static CheckResult wrong(
      String id, String precision, String variant, String layer, double ratio) {
    return new CheckResult(
        id, "op", precision, variant, layer, layer, ratio * 0.12, 0.12, ratio, true, false, 0.01);
  }

  /**
   * Every precision right, except those named: {@code bf16} wrong at layer1_res of the ResNet-9 net
   * check, {@code int8-8} with 8-bit weights saturating.
   */
  static NumericsReport report(NumericsSetting setting, String... wrong) {
    List<String> w = List.of(wrong);
    List<CheckRow> rows = new ArrayList<>();
    for (String p : List.of("fp32", "bf16", "fp16")) {
      rows.add(new CheckRow(passed(p + "/conv3x3", p, ""), "brg_conv_fwd:avx2"));
      rows.add(
          new CheckRow(
              w.contains(p)
                  ? wrong(p + "/net-resnet9", p, "", "layer1_res", 5.6)
                  : passed(p + "/net-resnet9", p, ""),
              "brg_conv_fwd:avx2"));
    }
    if (setting.oneDnn()) {
      rows.add(
          new CheckRow(
              w.contains("int8-8")
                  ? wrong("int8-8-bit/conv_relu", "int8", "8-bit weights", "int8 conv", 19.6)
                  : passed("int8-8-bit/conv_relu", "int8", "8-bit weights"),
              "jit_uni_int8:avx2"));
      rows.add(
          new CheckRow(
              w.contains("int8-7")
                  ? wrong("int8-7-bit/conv_relu", "int8", "7-bit weights", "int8 conv", 3.0)
                  : passed("int8-7-bit/conv_relu", "int8", "7-bit weights"),
              "jit_uni_int8:avx2"));
    }
    return new NumericsReport(
        setting, "Test CPU", List.of("avx2"), "tf-test", 1, "2026-12-07", rows, "");
  }
}
