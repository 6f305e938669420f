/**
 * TensorBoard event files for run folders ({@link dev.dawn.harness.tensorboard.TensorBoardFile}),
 * derived from the event log: TFRecord framing with masked CRC-32C around TensorFlow Java's {@code
 * org.tensorflow.proto.Event} messages, and the {@code hparams} plugin's session summaries.
 */
package dev.dawn.harness.tensorboard;
