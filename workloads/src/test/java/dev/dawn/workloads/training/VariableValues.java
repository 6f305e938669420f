package dev.dawn.workloads.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/** The raw bytes of every variable a session lists, to compare sessions bit for bit. */
final class VariableValues {
  private VariableValues() {}

  /** Variable name -> its tensor's bytes, every listed variable fetched in one run. */
  static Map<String, byte[]> of(TrainingSession session) {
    SessionVariables variables = session.variables();
    Session.Runner runner = session.session().runner();
    variables.all().forEach(v -> runner.fetch(v.name()));
    Map<String, byte[]> values = new LinkedHashMap<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < variables.all().size(); i++) {
        values.put(variables.all().get(i).name(), bytes(result.get(i)));
      }
    }
    return values;
  }

  static byte[] bytes(Tensor tensor) {
    var data = tensor.asRawTensor().data();
    byte[] bytes = new byte[Math.toIntExact(data.size())];
    data.read(bytes);
    return bytes;
  }
}
