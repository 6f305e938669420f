package dev.dawn.harness.train;

import dev.dawn.harness.config.OptimizerName;
import dev.dawn.harness.config.TrainConfig;
import dev.dawn.reporters.events.Hyperparameter;
import dev.dawn.reporters.events.MlLogKeys;
import dev.dawn.reporters.events.MlPerfOptimizerKeys;
import dev.dawn.workloads.data.PipelineOptions;
import dev.dawn.workloads.models.arch.Architecture;
import dev.dawn.workloads.training.schedule.LearningRateSchedule;
import dev.dawn.workloads.training.schedule.LinearWarmup;
import dev.dawn.workloads.training.schedule.PolynomialDecay;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The hyperparameters MLPerf's ResNet-50 rules require of a ResNet-50 recipe, under MLPerf's names
 * for its optimizer ({@code lars_*} or {@code sgd_*}, see {@link MlPerfOptimizerKeys}), with the
 * values this run trains with. A quantity the recipe does not have is left out rather than made up:
 * the polynomial power and decay steps exist for a polynomial decay only, the momentum for a
 * constant momentum only; MLPerf's checker then names the missing key.
 */
final class MlPerfHyperparameters {
  private MlPerfHyperparameters() {}

  /** MLPerf's keys (and {@code opt_name} value) for the config's optimizer. */
  static MlPerfOptimizerKeys keys(OptimizerName name) {
    return switch (name) {
      case MOMENTUM -> MlPerfOptimizerKeys.SGD;
      case LARS -> MlPerfOptimizerKeys.LARS;
    };
  }

  /**
   * The lines for a ResNet-50 recipe, none for another model.
   *
   * @param trainImages images in the training split
   * @param pipeline how the training split is cut into batches
   */
  static List<Hyperparameter> of(
      TrainConfig config, RecipeSchedules schedules, int trainImages, PipelineOptions pipeline) {
    if (config.model().architecture() != Architecture.RESNET50) return List.of();
    var o = config.optimizer();
    var t = config.train();
    MlPerfOptimizerKeys keys = keys(o.name());
    LearningRateSchedule lr = schedules.learningRate();
    double warmupEpochs = lr instanceof LinearWarmup w ? w.epochs() : 0;
    LearningRateSchedule decay = lr instanceof LinearWarmup w ? w.after() : lr;
    List<Hyperparameter> lines = new ArrayList<>();
    // Batch norm computes its statistics over one replica's micro-batch.
    lines.add(
        new Hyperparameter(
            MlLogKeys.MODEL_BN_SPAN,
            t.phaseOf(1).batchSize() / (config.distributed().shares() * t.accumulationSteps())));
    if (decay instanceof PolynomialDecay p) {
      lines.add(new Hyperparameter(keys.baseLearningRate(), p.initialLr()));
      lines.add(new Hyperparameter(keys.endLearningRate(), p.endLr()));
      lines.add(new Hyperparameter(keys.decayPolyPower(), p.power()));
      lines.add(
          new Hyperparameter(
              keys.decaySteps(),
              updatesBetween(config, trainImages, pipeline, p.startEpoch(), p.endEpoch())));
    } else {
      lines.add(new Hyperparameter(keys.baseLearningRate(), o.learningRate()));
      lines.add(new Hyperparameter(keys.endLearningRate(), lr.at(t.epochs())));
    }
    if (o.momentumSchedule() instanceof ScheduleSpec.Constant) {
      lines.add(new Hyperparameter(keys.momentum(), schedules.momentum().at(0)));
    }
    lines.add(new Hyperparameter(keys.weightDecay(), o.weightDecay()));
    if (keys == MlPerfOptimizerKeys.LARS) {
      lines.add(new Hyperparameter(MlLogKeys.LARS_EPSILON, o.larsEpsilon()));
      lines.add(new Hyperparameter(MlLogKeys.LARS_OPT_LEARNING_RATE_WARMUP_EPOCHS, warmupEpochs));
    }
    return lines;
  }

  /**
   * Optimizer updates whose learning rate is read at an epoch position in [{@code from}, {@code
   * to}): with {@code train.accumulationSteps} k, every k-th micro-batch and each epoch's last
   * apply one.
   */
  static long updatesBetween(
      TrainConfig config, int trainImages, PipelineOptions pipeline, double from, double to) {
    var t = config.train();
    int k = t.accumulationSteps();
    long updates = 0;
    for (int epoch = 1; epoch <= t.epochs(); epoch++) {
      int steps = pipeline.batchesPerEpoch(trainImages, t.phaseOf(epoch).batchSize() / k);
      for (int step = 0; step < steps; step++) {
        boolean applies = (step + 1) % k == 0 || step + 1 == steps;
        double position = RecipeSchedules.stepPosition(epoch, step, steps);
        if (applies && position >= from && position < to) updates++;
      }
    }
    return updates;
  }
}
