package dev.dawn.benchmarks;

import dev.dawn.workloads.inference.CpuFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two INT8/FP32 speed-ups that say whether the whole INT8 network reaches what the CPU allows,
 * measured in one process, side by side: the {@link ConvLayerBenchmark} layer at batch 1 (the
 * ceiling) and the whole {@link ResNetForwardBenchmark} ResNet-50 at batch 1, timed in {@link
 * AlternatingRounds}.
 *
 * <p>Usage: {@code Int8CeilingRatio [px=224] [rounds=7] [msPerRound=1500]}
 */
public final class Int8CeilingRatio {
  private Int8CeilingRatio() {}

  public static void main(String[] args) {
    int px = args.length > 0 ? Integer.parseInt(args[0]) : 224;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long msPerRound = args.length > 2 ? Long.parseLong(args[2]) : 1500;
    AlternatingRounds timed = new AlternatingRounds();
    List<AutoCloseable> open = new ArrayList<>();
    for (String precision : List.of("FP32", "INT8")) {
      ConvLayerBenchmark layer = new ConvLayerBenchmark();
      layer.batch = 1;
      layer.precision = precision;
      layer.build();
      open.add(layer::close);
      // per layer: one run executes COPIES layers
      timed.add("layer " + precision, layer::runAllCopies, ConvLayerBenchmark.COPIES);
      ResNetForwardBenchmark net = new ResNetForwardBenchmark();
      net.size = px;
      net.precision = precision;
      net.build();
      open.add(net::close);
      timed.add("net " + precision, net::forward);
    }
    Map<String, Double> ms = timed.run(rounds, msPerRound);
    closeAll(open);
    double layerFp32 = ms.get("layer FP32");
    double layerInt8 = ms.get("layer INT8");
    double netFp32 = ms.get("net FP32");
    double netInt8 = ms.get("net INT8");
    double layerRatio = layerFp32 / layerInt8;
    double netRatio = netFp32 / netInt8;
    System.out.println(cpuLine());
    System.out.printf(
        Locale.ROOT,
        "layer ceiling (ConvLayerBenchmark, batch 1): FP32 %.3f ms, INT8 %.3f ms per layer"
            + " = INT8/FP32 speed-up %.2fx%n",
        layerFp32,
        layerInt8,
        layerRatio);
    System.out.printf(
        Locale.ROOT,
        "whole net (ResNet-50 v1.5 random, %d px, batch 1):  FP32 %.2f ms, INT8 %.2f ms"
            + " = INT8/FP32 speed-up %.2fx%n",
        px,
        netFp32,
        netInt8,
        netRatio);
    System.out.printf(
        Locale.ROOT,
        "whole-net / layer speed-up = %.2f (goal >= 0.70); medians of %d alternating" + " rounds%n",
        netRatio / layerRatio,
        rounds);
  }

  /** The CPU the figures were measured on: model, the flags that decide its kernels, cores. */
  static String cpuLine() {
    return String.format(
        Locale.ROOT,
        "CPU: %s; flags: %s; %d cores",
        CpuFlags.cpuModel(),
        CpuFlags.kernelFlags(),
        Runtime.getRuntime().availableProcessors());
  }

  static void closeAll(List<AutoCloseable> open) {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing at exit
      }
    }
  }
}
