package dev.dawn.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two INT8/FP32 speed-ups that say whether the whole INT8 network reaches what the CPU allows,
 * measured in one process, side by side: the {@link ConvLayerBenchmark} layer at batch 1 (the
 * ceiling) and the whole {@link ResNetForwardBenchmark} ResNet-50 at batch 1. Rounds alternate the
 * four graphs so that load from other processes hits them alike; medians of the per-round times are
 * compared. Not JMH (no forks, short warm-up): a quick figure printed next to the full benchmark of
 * {@code make jmh}.
 *
 * <p>Usage: {@code Int8CeilingRatio [px=224] [rounds=7] [msPerRound=1500]}
 */
public final class Int8CeilingRatio {
  private static final List<String> FLAGS =
      List.of("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_bf16", "amx_int8");

  private Int8CeilingRatio() {}

  public static void main(String[] args) throws IOException {
    int px = args.length > 0 ? Integer.parseInt(args[0]) : 224;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    long budgetNanos = (args.length > 2 ? Long.parseLong(args[2]) : 1500) * 1_000_000L;
    Map<String, Runnable> steps = new LinkedHashMap<>();
    List<AutoCloseable> open = new ArrayList<>();
    for (String precision : List.of("FP32", "INT8")) {
      ConvLayerBenchmark layer = new ConvLayerBenchmark();
      layer.batch = 1;
      layer.precision = precision;
      layer.build();
      open.add(layer::close);
      // per layer: one run executes COPIES layers
      steps.put("layer " + precision, layer::runAllCopies);
      ResNetForwardBenchmark net = new ResNetForwardBenchmark();
      net.size = px;
      net.precision = precision;
      net.build();
      open.add(net::close);
      steps.put("net " + precision, net::forward);
    }
    Map<String, double[]> ms = new LinkedHashMap<>();
    steps.forEach((k, v) -> ms.put(k, new double[rounds]));
    for (Runnable warm : steps.values()) for (int i = 0; i < 5; i++) warm.run();
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Runnable> e : steps.entrySet()) {
        int calls = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
          e.getValue().run();
          calls++;
          elapsed = System.nanoTime() - t0;
        } while (elapsed < budgetNanos / steps.size() && calls < 10_000);
        double perCall = elapsed / 1e6 / calls;
        ms.get(e.getKey())[r] =
            e.getKey().startsWith("layer") ? perCall / ConvLayerBenchmark.COPIES : perCall;
      }
    }
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing at exit
      }
    }
    double layerFp32 = median(ms.get("layer FP32"));
    double layerInt8 = median(ms.get("layer INT8"));
    double netFp32 = median(ms.get("net FP32"));
    double netInt8 = median(ms.get("net INT8"));
    double layerRatio = layerFp32 / layerInt8;
    double netRatio = netFp32 / netInt8;
    System.out.printf(
        Locale.ROOT,
        "CPU: %s; flags: %s; %d cores%n",
        cpuModel(),
        cpuFlags(),
        Runtime.getRuntime().availableProcessors());
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

  /** The median of per-round figures (mean of the middle two for an even count). */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static String cpuModel() throws IOException {
    return cpuinfo("model name");
  }

  private static List<String> cpuFlags() throws IOException {
    List<String> all = List.of(cpuinfo("flags").split("\\s+"));
    return FLAGS.stream().filter(all::contains).toList();
  }

  private static String cpuinfo(String key) throws IOException {
    Path file = Path.of("/proc/cpuinfo");
    if (!Files.isRegularFile(file)) return "?";
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith(key)) return line.substring(line.indexOf(':') + 1).trim();
    }
    return "?";
  }
}
