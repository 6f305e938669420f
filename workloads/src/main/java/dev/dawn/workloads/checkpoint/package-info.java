/**
 * TensorFlow's own checkpoint format (V2 "tensor bundles": {@code <prefix>.index} and {@code
 * <prefix>.data-00000-of-00001}), written and read with TensorFlow's {@code SaveV2} and {@code
 * RestoreV2} ops, so Python's {@code tf.train.load_checkpoint} reads what dawn writes. {@link
 * dev.dawn.workloads.checkpoint.ModelCheckpoint} is a model's weights on disk (a folder with the
 * bundle and the model description); {@link dev.dawn.workloads.checkpoint.TrainingBundle} saves and
 * restores a training graph's every variable ({@code TrainingSession.checkpoint()}).
 */
package dev.dawn.workloads.checkpoint;
