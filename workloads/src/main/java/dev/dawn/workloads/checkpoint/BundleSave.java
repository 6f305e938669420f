package dev.dawn.workloads.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Save;
import org.tensorflow.types.TString;

/**
 * One {@code SaveV2} op over a fixed list of named tensors: running it writes every tensor whole
 * (no slices) into the bundle at the prefix it is fed ({@link BundleFiles}). TensorFlow writes each
 * of the two files under a temporary name and renames it when complete.
 */
final class BundleSave {
  private final Placeholder<TString> prefix;
  private final Save save;

  /**
   * @param tensors bundle name -> the tensor written under it
   */
  BundleSave(Ops tf, Map<String, Operand<?>> tensors) {
    Ops scope = tf.withSubScope("checkpoint_save");
    prefix = scope.withName("prefix").placeholder(TString.class);
    String[] names = tensors.keySet().toArray(String[]::new);
    String[] wholeTensors = new String[names.length];
    Arrays.fill(wholeTensors, "");
    save =
        scope
            .withName("save_v2")
            .train
            .save(
                prefix,
                scope.constant(StandardCharsets.UTF_8, names),
                scope.constant(StandardCharsets.UTF_8, wholeTensors),
                new ArrayList<>(tensors.values()));
  }

  /** Runs {@code runner} (with whatever else the tensors need fed) with the save as a target. */
  void run(Session.Runner runner, BundleFiles files) {
    try (TString path = TString.scalarOf(files.prefix().toAbsolutePath().toString())) {
      runner.feed(prefix, path).addTarget(save).run().close();
    }
  }
}
