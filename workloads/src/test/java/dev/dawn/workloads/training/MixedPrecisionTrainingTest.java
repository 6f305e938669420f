package dev.dawn.workloads.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.numerics.HostKernels;
import dev.dawn.workloads.precision.Precision;
import dev.dawn.workloads.training.optimizers.LossScaling;
import dev.dawn.workloads.training.optimizers.MomentumOptimizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;

class MixedPrecisionTrainingTest {

  private static final ModelSpec TINY = new ModelSpec("resnet9", 4, 0.125, null, null);

  private static TrainingSession session(PrecisionSettings precision) {
    return TrainingSession.create(
        SessionOptions.of(TINY, new MomentumOptimizer(5e-4, false), 7L).withPrecision(precision));
  }

  /**
   * Learning is only asked of a host that computes the precision right; dawn refuses it elsewhere.
   */
  static final String HOST_WRONG =
      "this host computes the precision wrong (see dawn doctor): dawn refuses or reroutes it, and"
          + " numerics.TrainingPassCheckTest checks that the check says so";

  private static List<Batch> batches() {
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batches.add(SyntheticBatches.separable(32, 16, 4, 100 + i));
    }
    return batches;
  }

  @Test
  void bf16TrainingReducesTheLossAndKeepsFloat32MasterWeights() {
    assumeFalse(HostKernels.wrong(Precision.BF16), HOST_WRONG);
    List<Batch> batches = batches();
    try (TrainingSession session = session(PrecisionSettings.of(Precision.BF16))) {
      float first = session.trainStep(batches.get(0), 0.1f, 0.9f);
      float last = first;
      for (int step = 1; step < 25; step++) {
        last = session.trainStep(batches.get(step % batches.size()), 0.1f, 0.9f);
      }
      assertThat(last).isLessThan(first * 0.5f);
      assertThat(session.evaluation().evaluate(SyntheticBatches.separable(64, 16, 4, 999)).top1())
          .isGreaterThan(0.8);
      assertThat(session.lossScale()).isEmpty();

      int variables = 0;
      int bf16Convs = 0;
      for (var it = session.graph().operations(); it.hasNext(); ) {
        var op = it.next();
        if (op.type().equals("VariableV2")) {
          assertThat(op.output(0).dataType())
              .as(op.name())
              .isEqualTo(DataType.DT_FLOAT_REF); // a float32 ref variable
          variables++;
        }
        if (op.type().equals("Conv2D") || op.type().equals("Conv2DBackpropFilter")) {
          assertThat(op.output(0).dataType()).as(op.name()).isEqualTo(DataType.DT_BFLOAT16);
          bf16Convs++;
        }
      }
      assertThat(variables).isGreaterThan(30);
      assertThat(bf16Convs).isGreaterThan(16);
    }
  }

  /**
   * fp16 kernels exist in the CPU build of TF 2.18 (slow Eigen ones), so the fp16 path is exercised
   * here too.
   */
  @Test
  void fp16WithDynamicLossScalingTrainsAndReportsTheScale() {
    assumeFalse(HostKernels.wrong(Precision.FP16), HOST_WRONG);
    List<Batch> batches = batches();
    LossScaling scaling = LossScaling.dynamic(1024f, 5);
    try (TrainingSession session = session(new PrecisionSettings(Precision.FP16, scaling))) {
      assertThat(session.lossScale()).contains(new LossScaleState(1024f, 0));
      float first = session.trainStep(batches.get(0), 0.1f, 0.9f);
      float last = first;
      for (int step = 1; step < 12; step++) {
        last = session.trainStep(batches.get(step % batches.size()), 0.1f, 0.9f);
        assertThat(last).isFinite();
      }
      assertThat(last).isLessThan(first * 0.7f);
      LossScaleState state = session.lossScale().orElseThrow();
      // This tiny net's gradients fit in fp16 even at S = 4096: 12 finite steps double S twice
      // (after 5 and 10).
      assertThat(state).isEqualTo(new LossScaleState(4096f, 0));
    }
  }
}
