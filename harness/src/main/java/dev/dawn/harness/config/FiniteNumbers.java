package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every real number dawn reads is finite, wherever it enters: a config or {@code --set}, a hardware
 * or stack file, a {@code --hw} override, a command-line option. {@code 1e400} (infinity once
 * read), {@code .inf} and {@code .nan} are refused where they are written, with one message ({@link
 * #broken}), rather than surfacing as a NaN loss, a "compute 0%" projection or an unrankable entry
 * later. Whether a finite number is in range (a speed above zero, a share in [0, 1]) is the rule of
 * the key that holds it.
 */
public final class FiniteNumbers extends StdScalarDeserializer<Double> {
  /** The rule, in the words every message uses. */
  public static final String RULE = "must be a finite number";

  private final boolean primitive;

  private FiniteNumbers(boolean primitive) {
    super(primitive ? Double.TYPE : Double.class);
    this.primitive = primitive;
  }

  /** Jackson binding of {@code double} and {@code Double} by this rule. */
  public static SimpleModule module() {
    return new SimpleModule("finite-numbers")
        .addDeserializer(Double.TYPE, new FiniteNumbers(true))
        .addDeserializer(Double.class, new FiniteNumbers(false));
  }

  /**
   * The message for {@code text}, e.g. {@code must be a finite number, got '1e400'} (a decimal's
   * {@code 1E+400} written the way people write it).
   */
  public static String broken(String text) {
    String shown = text;
    if (text.matches("-?[0-9.]+E[+-]?[0-9]+")) shown = text.replace("E+", "e").replace("E", "e");
    return RULE + ", got '" + shown + "'";
  }

  /**
   * A number given as text (a command-line value).
   *
   * @throws IllegalArgumentException with {@link #broken} when it is not a finite number
   */
  public static double parse(String text) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(broken(text));
    }
    if (!Double.isFinite(value)) throw new IllegalArgumentException(broken(text));
    return value;
  }

  /**
   * Whether a YAML value is a number, or text that reads as one, that is not finite; anything else
   * (finite numbers, words, mappings) is for the binding to judge.
   */
  public static boolean breaksRule(JsonNode value) {
    if (value == null) return false;
    if (value.isNumber()) return !Double.isFinite(value.doubleValue());
    if (!value.isTextual()) return false;
    try {
      return !Double.isFinite(Double.parseDouble(value.asText().strip()));
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    double value;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      value = p.getDoubleValue();
    } else if (t == JsonToken.VALUE_STRING) {
      // YAML 1.1 reads 1e-4 (no dot) as text.
      try {
        value = Double.parseDouble(p.getText().trim());
      } catch (NumberFormatException e) {
        throw InvalidFormatException.from(p, broken(p.getText()), p.getText(), _valueClass);
      }
    } else {
      return (Double) ctxt.handleUnexpectedToken(_valueClass, p);
    }
    if (!Double.isFinite(value))
      throw InvalidFormatException.from(p, broken(p.getText()), p.getText(), _valueClass);
    return value;
  }

  @Override
  public Double getNullValue(DeserializationContext ctxt)
      throws com.fasterxml.jackson.databind.JsonMappingException {
    if (primitive) return ctxt.reportInputMismatch(this, "needs a value");
    return null;
  }
}
