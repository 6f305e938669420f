package dev.dawn.harness.numerics;

import java.nio.file.Path;

/** Writes hand-made reports into a cache folder, as a test of the CLI needs them. */
public final class TestReports {
  private TestReports() {}

  /**
   * @param wrong precisions the report says this host computes wrong (see {@link Reports})
   */
  public static void write(Path cacheDir, NumericsSetting setting, String tf, String... wrong) {
    new NumericsCache(cacheDir).write(setting, tf, Reports.report(setting, wrong));
  }
}
