package dev.dawn.workloads.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.GraphOperation;

/** The dtype of every listed variable, from its op's {@code dtype} attribute. */
final class DtypesOf {
  private DtypesOf() {}

  static Map<String, String> variables(TrainingSession session) {
    Map<String, String> dtypes = new LinkedHashMap<>();
    for (SessionVariables.Variable v : session.variables().all()) {
      GraphOperation op = session.graph().operation(v.name());
      dtypes.put(v.name(), op.attributes().getAttrType("dtype").name());
    }
    return dtypes;
  }
}
