package dev.dawn.harness.train;

import dev.dawn.workloads.data.Batch;
import dev.dawn.workloads.training.TrainingSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training images/s on one batch held in memory, for several sessions that differ in replica count
 * and fusion threshold. Rounds visit every session in turn, so that machine drift hits all of them
 * alike; medians are reported.
 */
public final class ReplicaThroughput {
  /**
   * One measured session: its replicas, fusion threshold, all-reduce messages per step and median
   * images/s.
   */
  public record Cell(
      int replicas, long thresholdBytes, int buckets, long bytesPerStep, double imagesPerSecond) {}

  private ReplicaThroughput() {}

  /**
   * @param sessions already built, all for the same model and batch
   * @param batch the global batch every step trains on (divisible by every session's replica count)
   * @param lr small, so that timing does not depend on divergence
   */
  public static List<Cell> measure(
      List<TrainingSession> sessions,
      Batch batch,
      int rounds,
      int steps,
      int warmup,
      float lr,
      float momentum) {
    for (TrainingSession s : sessions) {
      for (int i = 0; i < warmup; i++) step(s, batch, i, lr, momentum);
    }
    double[][] rates = new double[sessions.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int c = 0; c < sessions.size(); c++) {
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) step(sessions.get(c), batch, i, lr, momentum);
        rates[c][r] = steps * (double) batch.size() / ((System.nanoTime() - start) / 1e9);
      }
    }
    List<Cell> cells = new ArrayList<>();
    for (int c = 0; c < sessions.size(); c++) {
      TrainingSession s = sessions.get(c);
      DataParallelFacts facts = DataParallelFacts.of(s);
      cells.add(
          new Cell(
              facts.replicas(),
              facts.thresholdBytes(),
              facts.bucketCount(),
              facts.bytesPerStep(),
              median(rates[c])));
    }
    return cells;
  }

  /** One micro-batch; every k-th applies the accumulated update, as the training runner does. */
  private static void step(
      TrainingSession session, Batch batch, int index, float lr, float momentum) {
    session.trainStep(batch, lr, momentum);
    int k = session.accumulationSteps();
    if (k > 1 && (index + 1) % k == 0) session.applyAccumulated(lr, momentum);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
