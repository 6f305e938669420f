package dev.dawn.benchmarks;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.NetLayers;
import dev.dawn.workloads.inference.net.Padding;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Int8ConvBuilder;
import dev.dawn.workloads.inference.quant.QuantizedActivation;
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The CPU's own INT8-over-FP32 ceiling for one ResNet-50 layer (56x56x64 input, 3x3x64 conv, bias,
 * ReLU), measured as one layer in isolation: {@value #COPIES} independent copies of the layer run
 * in one {@code Session.run}, so the call overhead is shared, and the score is per layer. FP32 is
 * oneDNN's fused conv+bias+ReLU; INT8 is {@code QuantizedConv2DWithBiasAndReluAndRequantize}
 * (quint8 x per-channel qint8 Const filter, quint8 out) on one shared quantized input. A whole
 * network cannot beat this ratio by much, so it tells whether a given INT8 speedup goal is
 * reachable on the machine at hand (VNNI makes the difference).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvLayerBenchmark {
  static final int COPIES = 8;
  private static final int SIZE = 56;
  private static final int CHANNELS = 64;

  @Param({"1", "8"})
  public int batch;

  @Param({"FP32", "INT8"})
  public String precision;

  private Graph graph;
  private Session session;
  private TFloat32 input;
  private Operand<TFloat32> placeholder;
  private final List<Operation> layers = new ArrayList<>();

  @Setup(Level.Trial)
  public void build() {
    Random rnd = new Random(3);
    graph = new Graph();
    Ops tf = Ops.create(graph);
    placeholder =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIZE, SIZE, CHANNELS)));
    ActivationRange inRange = new ActivationRange(0f, 1f);
    ActivationRange outRange = new ActivationRange(0f, 6f);
    Int8ConvBuilder q =
        precision.equals("INT8") ? new Int8ConvBuilder(tf, HostNumerics.int8Weights()) : null;
    QuantizedActivation quantized =
        q == null ? null : q.quantize(placeholder, inRange, "quantize_input");
    NetLayers f = new NetLayers(tf);
    for (int i = 0; i < COPIES; i++) {
      FoldedConv conv = randomConv("conv" + i, rnd);
      layers.add(
          q == null
              ? f.conv(placeholder, conv).op()
              : q.conv(quantized, conv, outRange).value().op());
    }
    float[] pixels = new float[batch * SIZE * SIZE * CHANNELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = rnd.nextFloat(); // post-ReLU activations: non-negative
    }
    input =
        TFloat32.tensorOf(
            Shape.of(batch, SIZE, SIZE, CHANNELS), DataBuffers.of(pixels, true, false));
    session = new Session(graph);
  }

  private static FoldedConv randomConv(String name, Random rnd) {
    float scale = (float) Math.sqrt(2.0 / (9 * CHANNELS));
    float[] kernel = new float[9 * CHANNELS * CHANNELS];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) rnd.nextGaussian() * scale;
    }
    return new FoldedConv(
        name, kernel, new float[CHANNELS], 3, 3, CHANNELS, CHANNELS, 1, Padding.SAME, true);
  }

  /**
   * Every copy is a target (nothing is fetched), so no output copy is timed and none of them can be
   * pruned away.
   */
  @Benchmark
  @OperationsPerInvocation(COPIES)
  public void layer(Blackhole bh) {
    bh.consume(runAllCopies());
  }

  /**
   * One {@code Session.run} of all {@value #COPIES} copies (also timed outside JMH by {@link
   * Int8CeilingRatio}).
   */
  Session.Runner runAllCopies() {
    Session.Runner runner = session.runner().feed(placeholder, input);
    layers.forEach(runner::addTarget);
    runner.run().close();
    return runner;
  }

  @TearDown(Level.Trial)
  public void close() {
    session.close();
    input.close();
    graph.close();
  }
}
