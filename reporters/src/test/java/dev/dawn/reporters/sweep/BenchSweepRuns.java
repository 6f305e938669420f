package dev.dawn.reporters.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweep runs laid out as the bench-sweep: momentum and LARS, each zipped with batch size 128-1024,
 * learning rate and warmup; two repeats; every momentum run reaches the target, no LARS run does.
 * Hand-made figures, not measured.
 */
public final class BenchSweepRuns {
  private BenchSweepRuns() {}

  public static final String[] OPT = {
    "momentum", "momentum", "momentum", "momentum", "lars", "lars", "lars", "lars"
  };
  public static final int[] BATCH = {128, 256, 512, 1024, 128, 256, 512, 1024};
  public static final double[] LR = {0.4, 0.8, 1.6, 3.2, 1.7678, 2.5, 3.5355, 5.0};
  public static final int[] WARMUP = {1, 1, 2, 4, 1, 1, 2, 4};

  /** Each cell twice; {@code seconds} of a run: null when it missed. */
  public static List<SweepRun> runs() {
    List<SweepRun> runs = new ArrayList<>();
    for (int repeat = 1; repeat <= 2; repeat++) {
      for (int c = 0; c < 8; c++) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("optimizer.name", OPT[c]);
        v.put("train.batchSize", BATCH[c]);
        v.put("optimizer.learningRate", LR[c]);
        v.put("optimizer.warmupEpochs", WARMUP[c]);
        boolean momentum = c < 4;
        runs.add(
            new SweepRun(
                c + 1,
                repeat,
                41 + repeat,
                v,
                momentum ? "success" : "target_not_reached",
                momentum ? 0 : 3,
                momentum ? 100.0 + 10 * c + repeat : null,
                momentum ? 9.5 + c : null,
                momentum ? 10 : 24,
                1000.0 + c,
                90.0 - c + repeat,
                null,
                null,
                "runs/r" + c + "-" + repeat,
                null));
      }
    }
    return runs;
  }
}
