/**
 * Data-parallel training pieces: how gradients are grouped into all-reduce messages ({@link
 * dev.dawn.workloads.distributed.FusionBuckets}, no session needed), the replica settings and
 * devices ({@link dev.dawn.workloads.distributed.ReplicaSettings}) and the fused collective
 * all-reduce graph ({@link dev.dawn.workloads.distributed.FusedAllReduce}). The replicated train
 * step itself is built by the training package.
 */
package dev.dawn.workloads.distributed;
