package dev.dawn.harness.train;

import dev.dawn.harness.config.TrainConfig;
import dev.dawn.workloads.data.PipelineOptions;
import dev.dawn.workloads.models.ModelSpec;
import dev.dawn.workloads.training.LossSettings;
import dev.dawn.workloads.training.SessionOptions;
import dev.dawn.workloads.training.ThreadSettings;
import dev.dawn.workloads.training.TrainingSession;

/**
 * The workloads a config asks for, built the same way for every command that trains or measures
 * training.
 */
public final class TrainingParts {
  private TrainingParts() {}

  public static ModelSpec modelSpec(TrainConfig config, int classes) {
    return config.model().spec(classes);
  }

  public static PipelineOptions pipelineOptions(TrainConfig config) {
    var d = config.data();
    return PipelineOptions.defaults()
        .withSeed(config.train().seed())
        .withWorkers(d.workers(), d.prefetchBatches())
        .withCache(
            d.cacheDecoded() ? PipelineOptions.CacheMode.AUTO : PipelineOptions.CacheMode.OFF,
            PipelineOptions.DEFAULT_CACHE_BUDGET)
        .withScale(d.minCropScale(), 1.0);
  }

  /** The one place a config becomes a training session's options. */
  public static TrainingSession session(TrainConfig config, int classes) {
    var o = config.optimizer();
    return TrainingSession.create(
        SessionOptions.of(
                modelSpec(config, classes), OptimizerChoice.of(config), config.train().seed())
            .withLoss(new LossSettings(o.labelSmoothing()))
            .withDecayBnAndBias(o.decayBnAndBias())
            .withAccumulationSteps(config.train().accumulationSteps())
            .withPrecision(PrecisionChoice.of(config))
            .withReplicas(config.distributed().settings())
            .withThreads(threads(config)));
  }

  public static ThreadSettings threads(TrainConfig config) {
    return new ThreadSettings(config.threads().intraOp(), config.threads().interOp());
  }
}
