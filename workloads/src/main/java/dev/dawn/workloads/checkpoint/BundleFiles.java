package dev.dawn.workloads.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one TensorFlow V2 checkpoint ("tensor bundle") at {@code prefix}, as TensorFlow
 * names them: {@code <prefix>.index} (a table of every tensor's name, dtype, shape, offset and
 * checksum) and {@code <prefix>.data-00000-of-00001} (the tensors' bytes). {@code SaveV2} writes
 * exactly these two (one shard); Python's {@code tf.train.load_checkpoint(prefix)} and {@code
 * tf.train.list_variables(prefix)} read them.
 */
public record BundleFiles(Path prefix) {
  public Path index() {
    return prefix.resolveSibling(prefix.getFileName() + ".index");
  }

  public Path data() {
    return prefix.resolveSibling(prefix.getFileName() + ".data-00000-of-00001");
  }

  /** Both files are there (each is written whole by TensorFlow: temporary name, then rename). */
  public boolean exist() {
    return Files.isRegularFile(index()) && Files.isRegularFile(data());
  }
}
