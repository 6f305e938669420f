/**
 * From a trained model to deployable inference nets.
 *
 * <ul>
 *   <li>{@link dev.dawn.workloads.models.export.ModelWeights}: all variables (incl. BN moving
 *       stats) + ModelSpec, in memory; on disk a TensorFlow checkpoint ({@link
 *       dev.dawn.workloads.checkpoint.ModelCheckpoint}); taken from a run with {@code
 *       TrainingSession.weights().read()} and put back with {@code
 *       TrainingSession.weights().restore(..)}.
 *   <li>{@link dev.dawn.workloads.models.export.BnFolding}: ModelWeights -> BN-folded {@link
 *       dev.dawn.workloads.inference.net.FoldedNet} at a fixed resolution, walking the
 *       architecture's {@link dev.dawn.workloads.models.arch.NetDescription}; {@link
 *       dev.dawn.workloads.models.export.RandomNets} folds random weights of any architecture.
 *   <li>{@link dev.dawn.workloads.models.export.FoldedModel}: the folded net as a constant-weight
 *       TF graph; {@link dev.dawn.workloads.models.export.SavedModelExport} writes and loads it as
 *       a SavedModel.
 *   <li>{@link dev.dawn.workloads.models.export.ChannelPruning}: L1 filter pruning of a folded net;
 *       {@link dev.dawn.workloads.models.export.FlopCounter} gives params and MACs.
 * </ul>
 */
package dev.dawn.workloads.models.export;
