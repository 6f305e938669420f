package dev.dawn.reporters.events;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration shared by writer and reader. NaN and infinities are written as bare
 * {@code NaN}/{@code Infinity} (what Python's {@code json.dumps} does, so a diverged loss stays a number)
 * and accepted back on reading.
 */
final class EventJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private EventJson() {
    }
}
