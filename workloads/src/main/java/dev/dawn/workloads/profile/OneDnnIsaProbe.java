package dev.dawn.workloads.profile;

import dev.dawn.workloads.inference.CpuFlags;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8ConvBuilder;
import dev.dawn.workloads.inference.quant.Int8Weights;
import dev.dawn.workloads.inference.quant.OneDnn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Which oneDNN implementation (and so which ISA: avx2, avx512_core, avx512_core_vnni,
 * avx512_core_bf16, amx ...) runs TF's FP32, bf16 and INT8 convolutions. oneDNN prints this only
 * when {@code ONEDNN_VERBOSE} is set before the native library loads, so {@link #probe} runs {@link
 * #main} in a short child JVM with that variable and reads the {@code exec,cpu,convolution,<impl>}
 * lines it prints. When the child fails the answer is a guess from the CPU flags, labelled as one.
 */
public final class OneDnnIsaProbe {
  private static final Pattern SRC_TYPE = Pattern.compile("src[_:]([a-z0-9]+)");

  private OneDnnIsaProbe() {}

  /**
   * Source data type (f32, bf16, u8) -> oneDNN conv implementation, or {"guess": ...} when the
   * probe failed.
   */
  public static Map<String, String> probe() {
    Path out = null;
    try {
      // Output goes to a file, not a pipe, so that a hung child is stopped at the timeout instead
      // of blocking a read.
      out = Files.createTempFile("dawn-onednn-probe", ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  OneDnnIsaProbe.class.getName())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().put("ONEDNN_VERBOSE", "1");
      pb.environment().put(OneDnn.ENV, "1");
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Map<String, String> found = parse(Files.readAllLines(out, StandardCharsets.UTF_8));
      if (!found.isEmpty()) {
        return found;
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // fall through to the guess
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
    return Map.of("guess", guessFromCpuFlags(cpuFlags()));
  }

  /** The conv implementation oneDNN chose per source data type, from its verbose lines. */
  static Map<String, String> parse(List<String> lines) {
    Map<String, String> byType = new LinkedHashMap<>();
    for (String line : lines) {
      if (!line.startsWith("onednn_verbose") || !line.contains(",exec,")) {
        continue;
      }
      String[] f = line.split(",");
      for (int i = 1; i + 1 < f.length; i++) {
        if (f[i].equals("convolution") && f[i - 1].equals("cpu")) {
          Matcher m = SRC_TYPE.matcher(line);
          byType.putIfAbsent(m.find() ? m.group(1) : "?", f[i + 1]);
        }
      }
    }
    return byType;
  }

  /**
   * What oneDNN would pick from the CPU flags alone (its dispatcher prefers AMX, then VNNI/bf16,
   * then AVX-512).
   */
  static String guessFromCpuFlags(List<String> flags) {
    String isa =
        flags.contains("amx_int8")
            ? "avx512_core_amx"
            : flags.contains("avx512_bf16")
                ? "avx512_core_bf16"
                : flags.contains("avx512_vnni")
                    ? "avx512_core_vnni"
                    : flags.contains("avx512f")
                        ? "avx512_core"
                        : flags.contains("avx2") ? "avx2" : "sse41";
    return isa + " (best guess from CPU flags; oneDNN's verbose output was not available)";
  }

  private static List<String> cpuFlags() {
    return CpuFlags.read();
  }

  /**
   * Child process: one FP32, one bf16 and one INT8 conv, each run once, so oneDNN prints its choice
   * for each.
   */
  public static void main(String[] args) {
    int c = 16;
    float[] kernel = new float[3 * 3 * c * c];
    for (int i = 0; i < kernel.length; i++) kernel[i] = ((i * 7) % 11 - 5) / 10f;
    FoldedConv conv =
        new FoldedConv("probe_conv", kernel, new float[c], 3, 3, c, c, 1, Padding.SAME, true);
    float[] pixels = new float[8 * 8 * c];
    for (int i = 0; i < pixels.length; i++) pixels[i] = (i % 5) / 5f;
    try (Graph g = new Graph();
        Session s = new Session(g);
        TFloat32 x = TFloat32.tensorOf(Shape.of(1, 8, 8, c), DataBuffers.of(pixels, true, false))) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> in =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 8, 8, c)));
      Operand<TFloat32> fp32 = new NetLayers(tf.withSubScope("fp32")).conv(in, conv);
      Operand<?> bf16 =
          tf.nn.conv2d(
              tf.dtypes.cast(in, org.tensorflow.types.TBfloat16.class),
              tf.dtypes.cast(
                  tf.constant(Shape.of(3, 3, c, c), DataBuffers.of(kernel, true, false)),
                  org.tensorflow.types.TBfloat16.class),
              List.of(1L, 1L, 1L, 1L),
              "SAME");
      Int8ConvBuilder q = new Int8ConvBuilder(tf.withSubScope("int8"), Int8Weights.EIGHT_BIT);
      Operand<TFloat32> int8 =
          q.dequantize(
              q.conv(
                  q.quantize(in, new ActivationRange(0f, 1f), "probe_quantize"),
                  conv,
                  new ActivationRange(0f, 4f)),
              "probe_dequantize");
      for (Operand<?> y : List.of(fp32, bf16, int8)) {
        try (Result r = s.runner().feed(in, x).fetch(y).run()) {
          // run once: oneDNN logs the primitive it created and executed
        } catch (RuntimeException e) {
          System.out.println("probe: " + e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
  }
}
