package dev.dawn.harness.numerics;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON of check results and cached reports: NaN and infinite ratios travel as strings. */
final class NumericsJson {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private NumericsJson() {}
}
