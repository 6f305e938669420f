package dev.dawn.benchmarks;

import dev.dawn.workloads.inference.SessionStep;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.NetGraph;
import dev.dawn.workloads.inference.quant.ActivationRange;
import dev.dawn.workloads.inference.quant.Calibration;
import dev.dawn.workloads.inference.quant.Int8GraphBuilder;
import dev.dawn.workloads.inference.quant.Int8Net;
import dev.dawn.workloads.inference.quant.PercentileCalibrator;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.models.export.RandomNets;
import dev.dawn.workloads.numerics.HostNumerics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 * One batch-1 forward pass of ResNet-50 v1.5 (random BN-folded weights) in FP32 and INT8. INT8
 * needs {@code TF_ENABLE_ONEDNN_OPTS=1} in the environment (the forked JVM inherits it); the FP32
 * numbers are also only comparable with oneDNN on. INT8 ranges: 99.99th percentile on 2 random
 * images (weights are random, so only speed is meaningful here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResNetForwardBenchmark {
  @Param({"224", "128"})
  public int size;

  @Param({"FP32", "INT8"})
  public String precision;

  private Graph graph;
  private Session session;
  private TFloat32 image;
  private Operand<TFloat32> input;
  private Operand<TFloat32> output;
  private FoldedNet net;
  private Map<String, ActivationRange> ranges = Map.of();

  @Setup(Level.Trial)
  public void build() {
    net = RandomNets.folded(ModelSpec.of("resnet50", 1000), size, 1L);
    graph = new Graph();
    Ops tf = Ops.create(graph);
    input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
    NetGraph fp = NetGraph.build(tf, input, net);
    image = randomImages(1, 7);
    if (precision.equals("FP32")) {
      output = fp.output();
    } else {
      try (Session calib = new Session(graph);
          TFloat32 batch = randomImages(2, 11)) {
        ranges =
            Calibration.ranges(
                calib,
                input,
                fp.activations(),
                List.of(batch),
                () -> new PercentileCalibrator(99.99));
      }
      Int8Net int8 =
          Int8GraphBuilder.build(tf, input, net, ranges, Set.of(), HostNumerics.int8Weights());
      output = int8.output();
    }
    session = new Session(graph);
  }

  private TFloat32 randomImages(int n, long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[n * size * size * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return TFloat32.tensorOf(Shape.of(n, size, size, 3), DataBuffers.of(v, true, false));
  }

  @Benchmark
  public long forward() {
    try (Result r = session.runner().feed(input, image).fetch(output).run()) {
      return r.get(0).shape().size(0);
    }
  }

  /** The net this benchmark runs (random weights, seed 1). */
  FoldedNet net() {
    return net;
  }

  /** The INT8 graph's calibrated activation ranges (empty for FP32). */
  Map<String, ActivationRange> ranges() {
    return ranges;
  }

  /** The forward pass as the latency runner's model step, for other measurements. */
  SessionStep step() {
    return new SessionStep(session, input, output);
  }

  @TearDown(Level.Trial)
  public void close() {
    session.close();
    image.close();
    graph.close();
  }
}
