/**
 * Data-parallel training pieces: how gradients are grouped into all-reduce messages ({@link
 * dev.dawn.workloads.distributed.FusionBuckets}, no session needed), the replica settings and
 * devices ({@link dev.dawn.workloads.distributed.ReplicaSettings}), the fused collective all-reduce
 * graph ({@link dev.dawn.workloads.distributed.FusedAllReduce}) and the raw collective ops it and
 * the cross-worker steps use ({@link dev.dawn.workloads.distributed.Collectives}, keys in {@link
 * dev.dawn.workloads.distributed.CollectiveKeys}).
 *
 * <p>Several worker processes (between-graph replication, as TensorFlow's multi-worker strategy):
 * the {@link dev.dawn.workloads.distributed.Cluster}, this process's gRPC {@link
 * dev.dawn.workloads.distributed.WorkerServer}, sessions on it ({@link
 * dev.dawn.workloads.distributed.GrpcSession}), a start-up exchange of values between the workers
 * ({@link dev.dawn.workloads.distributed.ClusterHandshake}) and the failures a cluster adds ({@link
 * dev.dawn.workloads.distributed.WorkerPortException}, {@link
 * dev.dawn.workloads.distributed.WorkerLostException}). The replicated train step itself is built
 * by the training package.
 */
package dev.dawn.workloads.distributed;
