package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.workloads.distributed.ReplicaSettings;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.GraphOptimizer;
import dev.dawn.workloads.training.optimizers.LarsOptimizer;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;

/**
 * The train graph of each configuration that matters, pinned by its ops counted by type right after
 * the session is built: the one-replica fp32 momentum graph in full, the other one-replica graphs
 * by the counts in which they differ from it, the replicated ones in full. The counts were recorded
 * on the graphs before single-replica training became the replicated step with one replica (and did
 * not change with it); a change here changes what a step computes and must be explained where it is
 * made.
 */
class TrainGraphOpCountsTest {

  private static final PrecisionSettings FP16_DYNAMIC =
      new PrecisionSettings(Precision.FP16, LossScaling.dynamic(1024f, 5));
  private static final ReplicaSettings SINGLE = ReplicaSettings.SINGLE;
  private static final ReplicaSettings TWO_REPLICAS = new ReplicaSettings(2, 4096, 60);

  /** One replica, fp32, Nesterov momentum: 789 ops, no collective, no split of the batch. */
  private static final String FP32_MOMENTUM =
      """
          Add 15, AddN 2, ApplyMomentum 25, Assign 66, AssignSub 16, BroadcastGradientArgs 3,
          Cast 29, Const 194, Conv2D 16, Conv2DBackpropFilter 8, Conv2DBackpropInput 8, Div 4,
          DynamicStitch 2, Equal 3, ExpandDims 4, Fill 57, FusedBatchNormGradV3 8,
          FusedBatchNormV3 16, Identity 29, LogSoftmax 1, MatMul 4, Max 2, MaxPoolGradV2 3,
          MaxPoolV2 6, Maximum 2, Mean 1, Mod 2, Mul 42, NoOp 2, OneHot 1, OnesLike 3,
          Placeholder 4, Prod 2, Range 2, Relu 16, ReluGrad 8, Reshape 10, Shape 26, Size 2,
          SoftmaxCrossEntropyWithLogits 1, StatelessRandomNormal 9, Sub 16, Sum 9, Tile 1,
          TopKV2 2, VariableV2 66, ZerosLike 41
          """;

  @Test
  void oneReplicaFp32NesterovMomentum() {
    assertOpCounts(session(momentum(), 1, PrecisionSettings.FP32, SINGLE), FP32_MOMENTUM, "");
  }

  /**
   * LARS: a trust ratio per kernel (9 here: the weight and gradient norms, 2 guards against a zero
   * norm) scaling its update.
   */
  @Test
  void oneReplicaLars() {
    assertOpCounts(
        session(lars(), 1, PrecisionSettings.FP32, SINGLE),
        FP32_MOMENTUM,
        """
        Add 33, Const 275, Div 13, Greater 18, Mul 94, Reshape 28, SelectV2 18, Sqrt 18,
        Square 18, Sum 27
        """);
  }

  /**
   * 2 micro-batches per update: a gradient sum per weight, the micro-batch counter, the mean's
   * guard against a count of 0, and the clears after the update.
   */
  @Test
  void gradientAccumulation() {
    assertOpCounts(
        session(momentum(), 2, PrecisionSettings.FP32, SINGLE),
        FP32_MOMENTUM,
        """
        Assert 1, Assign 118, AssignAdd 26, Cast 54, Const 249, Div 29, Fill 82, Greater 1,
        NoOp 4, VariableV2 92, ZerosLike 66
        """);
  }

  /**
   * fp16 with dynamic loss scaling: casts, the scale variables, the per-gradient finite check and
   * the switch that skips an update.
   */
  @Test
  void fp16WithDynamicLossScaling() {
    assertOpCounts(
        session(momentum(), 1, FP16_DYNAMIC, SINGLE),
        FP32_MOMENTUM,
        """
        Add 17, All 26, Assign 72, BroadcastGradientArgs 4, Cast 63, Const 205, Div 29,
        GreaterEqual 1, Identity 31, IsFinite 26, Maximum 3, Merge 1, Mul 47, NoOp 3, Pack 1,
        Reshape 37, SelectV2 6, Shape 28, Sum 11, Switch 26, VariableV2 69
        """);
  }

  /** bf16 (no loss scaling): the fp32 graph with casts to and from bf16. */
  @Test
  void bf16() {
    assertOpCounts(
        session(momentum(), 1, PrecisionSettings.of(Precision.BF16), SINGLE),
        FP32_MOMENTUM,
        """
        Cast 63
        """);
  }

  /** Two replicas, 4 KiB fusion threshold: 15 all-reduce messages per replica. */
  @Test
  void twoReplicasWithFusion() {
    assertOpCounts(
        session(momentum(), 1, PrecisionSettings.FP32, TWO_REPLICAS),
        """
        Add 28, AddN 4, ApplyMomentum 50, Assign 132, AssignSub 32, BroadcastGradientArgs 6,
        Cast 56, CollectiveReduceV2 30, ConcatV2 16, Const 615, Conv2D 24,
        Conv2DBackpropFilter 16, Conv2DBackpropInput 16, Div 8, DynamicStitch 4, Equal 4,
        ExpandDims 6, Fill 114, FusedBatchNormGradV3 16, FusedBatchNormV3 24, Identity 58,
        LogSoftmax 2, MatMul 7, Max 3, MaxPoolGradV2 6, MaxPoolV2 9, Maximum 4, Mean 3, Mod 4,
        Mul 83, NoOp 3, OneHot 2, OnesLike 6, Pack 1, Placeholder 4, Prod 4, Range 4, Relu 24,
        ReluGrad 16, Reshape 120, Shape 52, Size 4, SoftmaxCrossEntropyWithLogits 2, Split 2,
        SplitV 16, StatelessRandomNormal 18, Sub 32, Sum 16, Tile 2, TopKV2 2, VariableV2 132,
        ZerosLike 82
        """,
        "");
  }

  /** Two replicas, LARS, fp16 with dynamic loss scaling and 2 micro-batches per update. */
  @Test
  void twoReplicasLarsFp16AndAccumulationTogether() {
    assertOpCounts(
        session(lars(), 2, FP16_DYNAMIC, TWO_REPLICAS),
        """
        Add 68, AddN 4, All 52, ApplyMomentum 50, Assert 2, Assign 248, AssignAdd 52,
        AssignSub 32, BroadcastGradientArgs 8, Cast 162, CollectiveReduceV2 30, ConcatV2 16,
        Const 909, Conv2D 24, Conv2DBackpropFilter 16, Conv2DBackpropInput 16, Div 126,
        DynamicStitch 4, Equal 4, ExpandDims 6, Fill 164, FusedBatchNormGradV3 16,
        FusedBatchNormV3 24, Greater 38, GreaterEqual 2, Identity 62, IsFinite 52, LogSoftmax 2,
        MatMul 7, Max 3, MaxPoolGradV2 6, MaxPoolV2 9, Maximum 6, Mean 3, Merge 2, Mod 4,
        Mul 197, NoOp 10, OneHot 2, OnesLike 6, Pack 3, Placeholder 4, Prod 4, Range 4, Relu 24,
        ReluGrad 16, Reshape 210, SelectV2 48, Shape 56, Size 4, SoftmaxCrossEntropyWithLogits 2,
        Split 2, SplitV 16, Sqrt 36, Square 36, StatelessRandomNormal 18, Sub 32, Sum 56,
        Switch 52, Tile 2, TopKV2 2, VariableV2 190, ZerosLike 132
        """,
        "");
  }

  private static MomentumOptimizer momentum() {
    return new MomentumOptimizer(5e-4, true);
  }

  private static LarsOptimizer lars() {
    return new LarsOptimizer(5e-5, 0.001, 1e-9, true);
  }

  private static TrainingSession session(
      GraphOptimizer optimizer,
      int accumulation,
      PrecisionSettings precision,
      ReplicaSettings replicas) {
    return TrainingSession.create(
        SessionOptions.of(ResNet9Sessions.RESNET9, optimizer, 7L)
            .withLoss(new LossSettings(0.1))
            .withAccumulationSteps(accumulation)
            .withPrecision(precision)
            .withReplicas(replicas));
  }

  /**
   * @param expected the counts of a pinned graph
   * @param differences the counts in which this graph differs from {@code expected}'s
   */
  private static void assertOpCounts(TrainingSession built, String expected, String differences) {
    try (TrainingSession session = built) {
      Map<String, Integer> counts = countByType(session.graph());
      Map<String, Integer> pinned = parse(expected);
      pinned.putAll(parse(differences));
      assertThat(counts).containsExactlyEntriesOf(pinned);
    }
  }

  /** Ops per type, sorted by type. */
  static Map<String, Integer> countByType(Graph graph) {
    Map<String, Integer> counts = new TreeMap<>();
    graph.operations().forEachRemaining(op -> counts.merge(op.type(), 1, Integer::sum));
    return counts;
  }

  /** "Add 15, AddN 2, ..." to a sorted map. */
  private static Map<String, Integer> parse(String counts) {
    Map<String, Integer> parsed = new TreeMap<>();
    if (counts.isBlank()) {
      return parsed;
    }
    for (String entry : counts.strip().split(",\\s*")) {
      String[] typeAndCount = entry.strip().split("\\s+");
      parsed.put(typeAndCount[0], Integer.parseInt(typeAndCount[1]));
    }
    return parsed;
  }
}
