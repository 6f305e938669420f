package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.training.schedule.LearningRateSchedule;
import dev.dawn.workloads.training.schedule.LinearWarmup;
import dev.dawn.workloads.training.schedule.MomentumSchedule;
import dev.dawn.workloads.training.schedule.ScheduleFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning-rate and momentum schedules of a config. Keys a config leaves out are filled from the recipe so that
 * short configs stay readable: the peak is {@code optimizer.learningRate}, decay starts after the warmup and runs to
 * the last epoch, and a warmup of {@code optimizer.warmupEpochs} (from 0) wraps the schedule.
 */
public record RecipeSchedules(LearningRateSchedule learningRate, MomentumSchedule momentum) {

  public static RecipeSchedules of(TrainConfig config) {
    var o = config.optimizer();
    Map<String, Object> lr = new LinkedHashMap<>(o.schedule());
    String type = String.valueOf(lr.get("type"));
    double warmup = o.warmupEpochs();
    switch (type) {
      case "linear_cosine" -> {
        lr.putIfAbsent("initial", o.learningRate());
        lr.putIfAbsent("start_epoch", warmup);
        lr.putIfAbsent("decay_epochs", Math.max(1e-9, config.train().epochs() - warmup));
      }
      case "polynomial" -> {
        lr.putIfAbsent("initial", o.learningRate());
        lr.putIfAbsent("start_epoch", warmup);
        lr.putIfAbsent("end_epoch", (double) config.train().epochs());
        lr.putIfAbsent("end", 0.0);
        lr.putIfAbsent("power", 2.0);
      }
      case "step" -> {
        if (lr.containsKey("factor")) lr.putIfAbsent("initial", o.learningRate());
      }
      case "constant" -> lr.putIfAbsent("value", o.learningRate());
      default -> { }
    }
    LearningRateSchedule learningRate = ScheduleFactory.build(lr, "optimizer.schedule");
    if (warmup > 0 && !"linear_warmup".equals(type) && !"piecewise_linear".equals(type)) {
      learningRate = new LinearWarmup(warmup, 0.0, learningRate);
    }
    Map<String, Object> m = new LinkedHashMap<>(o.momentumSchedule());
    if ("constant".equals(m.get("type"))) m.putIfAbsent("value", o.momentum());
    MomentumSchedule momentum = ScheduleFactory.buildMomentum(m, "optimizer.momentumSchedule", learningRate);
    return new RecipeSchedules(learningRate, momentum);
  }
}
