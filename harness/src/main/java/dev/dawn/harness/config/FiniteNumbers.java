package dev.dawn.harness.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Every real number of a config is finite: {@code 1e400} (infinity once read), {@code .inf} and
 * {@code .nan} are refused where they are written rather than surfacing as a NaN loss or an
 * unrankable entry later.
 */
final class FiniteNumbers extends StdScalarDeserializer<Double> {
  static final String NOT_FINITE = "not a finite number";

  private final boolean primitive;

  private FiniteNumbers(boolean primitive) {
    super(primitive ? Double.TYPE : Double.class);
    this.primitive = primitive;
  }

  static SimpleModule module() {
    return new SimpleModule("finite-numbers")
        .addDeserializer(Double.TYPE, new FiniteNumbers(true))
        .addDeserializer(Double.class, new FiniteNumbers(false));
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
        throw InvalidFormatException.from(p, "not a number", p.getText(), _valueClass);
      }
    } else {
      return (Double) ctxt.handleUnexpectedToken(_valueClass, p);
    }
    if (!Double.isFinite(value))
      throw InvalidFormatException.from(p, NOT_FINITE, p.getText(), _valueClass);
    return value;
  }

  @Override
  public Double getNullValue(DeserializationContext ctxt)
      throws com.fasterxml.jackson.databind.JsonMappingException {
    if (primitive) return ctxt.reportInputMismatch(this, "needs a value");
    return null;
  }
}
