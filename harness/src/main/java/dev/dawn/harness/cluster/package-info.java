/**
 * Training on several worker processes: where the cluster comes from ({@link
 * dev.dawn.harness.cluster.TfConfig}, {@link dev.dawn.harness.cluster.ClusterConfigLoader}), how a
 * worker joins it before it has a run folder ({@link dev.dawn.harness.cluster.ClusterRun}: its
 * server, the same-config check with {@link dev.dawn.harness.cluster.ConfigFingerprint}), where
 * each worker writes ({@link dev.dawn.harness.cluster.WorkerFolders}), how a lost worker is named
 * ({@link dev.dawn.harness.cluster.LostWorkerException}, {@link
 * dev.dawn.harness.cluster.PeerProbe}) and {@code dawn launch}'s local workers ({@link
 * dev.dawn.harness.cluster.LocalCluster}). Who can reach a worker's server is {@code exposure}'s
 * job, the private network namespace of a launch {@code netns}'s. The TensorFlow side (servers,
 * collectives) is in {@code workloads.distributed}.
 */
package dev.dawn.harness.cluster;
