package dev.dawn.workloads.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * One {@code RestoreV2} op reading a fixed list of named tensors, each whole, from the bundle at
 * the prefix it is fed. It fails (and so nothing that depends on it runs) when a name is missing, a
 * dtype differs or a tensor's bytes do not match the checksum in the index.
 */
final class BundleRestore {
  private final Placeholder<TString> prefix;
  private final Restore restore;

  BundleRestore(Ops tf, List<String> names, List<Class<? extends TType>> types) {
    Ops scope = tf.withSubScope("checkpoint_restore");
    prefix = scope.withName("prefix").placeholder(TString.class);
    String[] wholeTensors = new String[names.size()];
    Arrays.fill(wholeTensors, "");
    restore =
        scope
            .withName("restore_v2")
            .train
            .restore(
                prefix,
                scope.constant(StandardCharsets.UTF_8, names.toArray(String[]::new)),
                scope.constant(StandardCharsets.UTF_8, wholeTensors),
                types);
  }

  /** The restored tensors, in the order of the names. */
  List<Output<?>> tensors() {
    return restore.tensors();
  }

  /** Feeds the bundle's prefix to {@code runner}; the caller adds targets or fetches and runs. */
  Session.Runner from(Session.Runner runner, TString path) {
    return runner.feed(prefix, path);
  }

  static TString path(BundleFiles files) {
    return TString.scalarOf(files.prefix().toAbsolutePath().toString());
  }
}
