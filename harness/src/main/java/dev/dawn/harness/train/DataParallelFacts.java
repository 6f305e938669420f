package dev.dawn.harness.train;

import dev.dawn.reporters.events.AllReduceBuckets;
import dev.dawn.workloads.distributed.FusionBuckets;
import dev.dawn.workloads.training.ThreadSettings;
import dev.dawn.workloads.training.TrainingSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run records about its data-parallel replicas: the all-reduce buckets (an event and
 * environment.json) and, per epoch, replicas, buckets and all-reduced bytes per step.
 */
record DataParallelFacts(
    int replicas, long thresholdBytes, Optional<FusionBuckets> buckets, List<String> names) {

  static DataParallelFacts of(TrainingSession session) {
    return new DataParallelFacts(
        session.replicas().replicas(),
        session.replicas().fusionThresholdBytes(),
        session.fusionBuckets(),
        session.trainableNames());
  }

  /** All-reduce messages per step; 0 with one replica (nothing is all-reduced). */
  int bucketCount() {
    return buckets.map(FusionBuckets::messages).orElse(0);
  }

  /** Gradient bytes each replica all-reduces per step; 0 with one replica. */
  long bytesPerStep() {
    return buckets.map(FusionBuckets::totalBytes).orElse(0L);
  }

  /** The buckets with the weight names they carry; empty with one replica. */
  Optional<AllReduceBuckets> event() {
    return buckets.map(
        b -> {
          List<AllReduceBuckets.Bucket> out = new ArrayList<>();
          for (FusionBuckets.Bucket bucket : b.buckets()) {
            out.add(
                new AllReduceBuckets.Bucket(
                    bucket.bytes(),
                    bucket.tensors().stream().map(i -> names.get(names.size() - 1 - i)).toList()));
          }
          return new AllReduceBuckets(replicas, thresholdBytes, b.totalBytes(), out);
        });
  }

  /**
   * For environment.json: the replicas share the process's thread pools, so they split its cores.
   */
  Map<String, Object> environment(ThreadSettings threadsInEffect) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("replicas", replicas);
    env.put(
        "devices",
        replicas == 1 ? "CPU:0" : "CPU:0.." + (replicas - 1) + " (logical devices of one session)");
    env.put(
        "threads",
        "intra-op "
            + threadsInEffect.intraOp()
            + ", inter-op "
            + threadsInEffect.interOp()
            + " (0 = TensorFlow's default), one pool shared by every replica");
    env.put("fusionThresholdBytes", thresholdBytes);
    env.put("allReduceBuckets", bucketCount());
    env.put("allReducedBytesPerStep", bytesPerStep());
    env.put(
        "bucketBytes",
        buckets
            .map(b -> b.buckets().stream().map(FusionBuckets.Bucket::bytes).toList())
            .orElse(List.of()));
    env.put(
        "bucketTensors",
        buckets
            .map(b -> b.buckets().stream().map(x -> x.tensors().size()).toList())
            .orElse(List.of()));
    return env;
  }
}
