package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.training.schedule.LearningRateSchedule;
import dev.dawn.workloads.training.schedule.LinearWarmup;
import dev.dawn.workloads.training.schedule.MomentumSchedule;
import dev.dawn.workloads.training.schedule.ScheduleFactory;
import dev.dawn.workloads.training.schedule.ScheduleSpec;

/**
 * The learning-rate and momentum schedules of a config. Keys a config leaves out are filled from
 * the recipe so that short configs stay readable: the peak is {@code optimizer.learningRate}, decay
 * starts after the warmup and runs to the last epoch, and a warmup of {@code
 * optimizer.warmupEpochs} (from 0) wraps the schedule.
 */
public record RecipeSchedules(LearningRateSchedule learningRate, MomentumSchedule momentum) {

  public static RecipeSchedules of(TrainConfig config) {
    var o = config.optimizer();
    double warmup = o.warmupEpochs();
    double epochs = config.train().epochs();
    ScheduleSpec.LearningRate spec = o.schedule();
    if (spec instanceof ScheduleSpec.LinearCosine c) {
      spec = c.orRecipe(o.learningRate(), warmup, Math.max(1e-9, epochs - warmup));
    } else if (spec instanceof ScheduleSpec.Polynomial p) {
      spec = p.orRecipe(o.learningRate(), warmup, epochs, 0.0, 2.0);
    } else if (spec instanceof ScheduleSpec.Step s) {
      spec = s.orRecipe(o.learningRate());
    } else if (spec instanceof ScheduleSpec.Constant c) {
      spec = c.withValue(o.learningRate());
    }
    LearningRateSchedule learningRate = ScheduleFactory.build(spec, "optimizer.schedule");
    // A warmup or piecewise schedule says its own start; the others get the recipe's warmup in
    // front.
    if (warmup > 0
        && !(spec instanceof ScheduleSpec.Warmup)
        && !(spec instanceof ScheduleSpec.Piecewise)) {
      learningRate = new LinearWarmup(warmup, 0.0, learningRate);
    }
    ScheduleSpec.Momentum m = o.momentumSchedule();
    if (m instanceof ScheduleSpec.Constant c) m = c.withValue(o.momentum());
    MomentumSchedule momentum =
        ScheduleFactory.buildMomentum(m, "optimizer.momentumSchedule", learningRate);
    return new RecipeSchedules(learningRate, momentum);
  }

  /**
   * The fractional epoch at which step {@code step} (0-based) of the {@code steps} of 1-based epoch
   * {@code epoch} reads its learning rate and momentum.
   */
  static double stepPosition(int epoch, int step, int steps) {
    return (epoch - 1) + (double) step / steps;
  }
}
