package dev.dawn.workloads.numerics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dawn.workloads.inference.quant.OneDnn;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs {@link CheckSuite#standard} in this process and prints, for each check, a {@value #BEGIN}
 * line before it runs (so oneDNN's verbose lines that follow can be tied to it) and a {@value
 * #RESULT} line with its {@link CheckResult} as JSON after. {@code dawn doctor} runs this in a
 * child JVM per setting (oneDNN on or off, an ISA cap), because those are read once when TensorFlow
 * loads and because a kernel that crashes must not take the caller down.
 */
public final class HostNumericsProbe {
  public static final String BEGIN = "DAWN-CHECK-BEGIN ";
  public static final String RESULT = "DAWN-CHECK-RESULT ";
  public static final String DONE = "DAWN-CHECK-DONE";

  /** NaN and infinite ratios (a NaN output) travel as strings. */
  public static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();

  private HostNumericsProbe() {}

  public static void main(String[] args) throws JsonProcessingException {
    run(CheckSuite.standard(OneDnn.enabled()), System.out);
  }

  static void run(List<NumericsCheck> checks, PrintStream out) throws JsonProcessingException {
    for (NumericsCheck check : checks) {
      out.println(BEGIN + check.id());
      out.flush();
      long t0 = System.nanoTime();
      CheckResult result;
      try {
        result = CheckResult.of(check, check.run().get(), (System.nanoTime() - t0) / 1e9);
      } catch (RuntimeException e) {
        result = CheckResult.failed(check, e, (System.nanoTime() - t0) / 1e9);
      }
      out.println(RESULT + JSON.writeValueAsString(result));
      out.flush();
    }
    out.println(DONE);
    out.flush();
  }
}
