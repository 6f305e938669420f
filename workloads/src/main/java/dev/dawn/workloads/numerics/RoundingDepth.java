package dev.dawn.workloads.numerics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.proto.DataType;

/**
 * How many times a value is rounded to the compute dtype on its way through a graph: along the
 * longest path from an input to an output, each op that computes in that dtype rounds once, plus
 * once more for each weight it reads through a cast to that dtype. Ops that only move or select
 * values (ReLU, max pooling, reshapes) do not round.
 */
final class RoundingDepth {
  private static final Set<String> EXACT =
      Set.of(
          "Relu",
          "MaxPool",
          "MaxPoolV2",
          "Identity",
          "Reshape",
          "Squeeze",
          "ExpandDims",
          "Pad",
          "Transpose",
          "ConcatV2",
          "StopGradient");
  private static final int UNREACHABLE = Integer.MIN_VALUE;

  private final GraphOperation from;
  private final DataType compute;
  private final Map<GraphOperation, Integer> memo = new HashMap<>();

  private RoundingDepth(GraphOperation from, DataType compute) {
    this.from = from;
    this.compute = compute;
  }

  /**
   * @return the roundings on the longest path from {@code from} to {@code to}
   * @throws IllegalArgumentException if {@code to} does not depend on {@code from}
   */
  static int of(Operand<?> from, Operand<?> to, DataType compute) {
    int depth =
        new RoundingDepth((GraphOperation) from.op(), compute).longest((GraphOperation) to.op());
    if (depth == UNREACHABLE) {
      throw new IllegalArgumentException(
          to.op().name() + " does not depend on " + from.op().name());
    }
    return depth;
  }

  private int longest(GraphOperation op) {
    Integer known = memo.get(op);
    if (known != null) {
      return known;
    }
    int best = op.equals(from) ? 0 : UNREACHABLE;
    if (!op.equals(from)) {
      for (Operand<?> in : op.inputs()) {
        int d = longest((GraphOperation) in.op());
        if (d != UNREACHABLE) {
          best = Math.max(best, d + cost(op));
        }
      }
    }
    memo.put(op, best);
    return best;
  }

  private int cost(GraphOperation op) {
    if (EXACT.contains(op.type()) || !computesIn(op)) {
      return 0;
    }
    int roundings = 1;
    for (Operand<?> in : op.inputs()) {
      GraphOperation src = (GraphOperation) in.op();
      if (src.type().equals("Cast") && computesIn(src) && longest(src) == UNREACHABLE) {
        roundings++; // a weight rounded to the compute dtype
      }
    }
    return roundings;
  }

  private boolean computesIn(GraphOperation op) {
    return op.numOutputs() > 0 && op.output(0).dataType() == compute;
  }
}
