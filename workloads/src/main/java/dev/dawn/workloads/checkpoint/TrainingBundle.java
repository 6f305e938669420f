package dev.dawn.workloads.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.internal.types.registry.TensorTypeRegistry;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * The save and restore ops of a graph's variables as one checkpoint: {@code SaveV2} of every
 * variable under its name plus the scalar {@value #GLOBAL_STEP}, and {@code RestoreV2} of the same
 * names followed by one assign per variable, all run together (so a failed read assigns nothing).
 */
public final class TrainingBundle {
  /** TensorFlow's name for the count of optimizer updates applied so far (int64). */
  public static final String GLOBAL_STEP = "global_step";

  private final Placeholder<TInt64> globalStep;
  private final BundleSave save;
  private final BundleRestore restore;
  private final Op assignAll;
  private final Output<?> restoredStep;

  /**
   * @param variables bundle name -> a variable op's output ({@code VariableV2}), in the order
   *     written
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public TrainingBundle(Ops tf, Map<String, Output<?>> variables) {
    if (variables.containsKey(GLOBAL_STEP)) {
      throw new IllegalArgumentException("a variable is named " + GLOBAL_STEP);
    }
    globalStep = tf.withName("checkpoint_global_step").placeholder(TInt64.class);
    Map<String, Operand<?>> written = new LinkedHashMap<>(variables);
    written.put(GLOBAL_STEP, globalStep);
    save = new BundleSave(tf, written);

    List<String> names = new ArrayList<>(written.keySet());
    List<Class<? extends TType>> types = new ArrayList<>();
    for (Output<?> v : variables.values()) {
      types.add(
          TensorTypeRegistry.find(((GraphOperation) v.op()).attributes().getAttrType("dtype"))
              .type());
    }
    types.add(TInt64.class);
    restore = new BundleRestore(tf, names, types);
    List<Output<?>> read = restore.tensors();
    Ops assign = tf.withSubScope("checkpoint_assign");
    List<Op> assigns = new ArrayList<>();
    int i = 0;
    for (Output<?> v : variables.values()) {
      assigns.add(assign.assign((Operand) v, (Operand) read.get(i++)));
    }
    assignAll = assign.withControlDependencies(assigns).withName("all").noOp();
    restoredStep = read.get(read.size() - 1);
  }

  /** Writes the variables and {@code step} as the bundle {@code files}. */
  public void save(Session.Runner runner, BundleFiles files, long step) {
    try (TInt64 value = TInt64.scalarOf(step)) {
      save.run(runner.feed(globalStep, value), files);
    }
  }

  /**
   * Assigns every variable from the bundle {@code files}.
   *
   * @return its {@value #GLOBAL_STEP}
   */
  public long restore(Session.Runner runner, BundleFiles files) {
    try (TString path = BundleRestore.path(files);
        Result r = restore.from(runner, path).addTarget(assignAll).fetch(restoredStep).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }
}
