package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionJsonWriterTest {

  static DawnbenchEntry entry(Double costPerHour, Boolean usedBlacklist, Map<String, Object> misc) {
    return entry("a_m_h_f", costPerHour, usedBlacklist, misc);
  }

  static DawnbenchEntry entry(
      String fileBasename, Double costPerHour, Boolean usedBlacklist, Map<String, Object> misc) {
    return new DawnbenchEntry(
        Dataset.IMAGENET,
        fileBasename,
        "A",
        "a@x",
        "F",
        null,
        "M",
        "H",
        costPerHour,
        LocalDate.of(2026, 1, 2),
        misc,
        usedBlacklist,
        "top5Accuracy",
        93.0);
  }

  @Test
  void inferenceJsonIsByteIdenticalToPythonJsonDump() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("a", null);
    Map<String, Object> misc = new LinkedHashMap<>();
    misc.put("list", Arrays.asList(1, 2.5, inner));
    misc.put("empty", List.of());
    misc.put("s", "q\"\\\n\t\u0001\u007f\uD83D\uDE00");
    String json =
        SubmissionJsonWriter.inference(entry(0.9, false, misc), new InferenceResult(43.45, 93.01));
    // Expected text printed by CPython 3: json.dumps(d, indent=4) of the same dict.
    assertThat(json)
        .isEqualTo(
            "{\n    \"version\": \"v1.0\",\n    \"author\": \"A\",\n    \"authorEmail\": \"a@x\",\n    \"framework\": \"F\",\n    \"model\": \"M\",\n    \"hardware\": \"H\",\n    \"latency\": 43.45,\n    \"cost\": 1.0862500000000001e-05,\n    \"top5Accuracy\": 93.01,\n    \"timestamp\": \"2026-01-02\",\n    \"misc\": {\n        \"list\": [\n            1,\n            2.5,\n            {\n                \"a\": null\n            }\n        ],\n        \"empty\": [],\n        \"s\": \"q\\\"\\\\\\n\\t\\u0001\\u007f\\ud83d\\ude00\"\n    },\n    \"usedBlacklist\": false\n}");
  }

  @Test
  void unpricedEntryOmitsCostFields() {
    for (Double zeroOrMissing : new Double[] {null, 0.0}) {
      DawnbenchEntry z = entry(zeroOrMissing, null, Map.of());
      assertThat(SubmissionJsonWriter.training(z)).doesNotContain("costPerHour");
      assertThat(SubmissionJsonWriter.inference(z, new InferenceResult(1.5, 93.2)))
          .doesNotContain("\"cost\"");
    }
    DawnbenchEntry e = entry(null, null, Map.of());
    assertThat(SubmissionJsonWriter.training(e))
        .doesNotContain("costPerHour")
        .doesNotContain("usedBlacklist")
        .doesNotContain("codeURL")
        .endsWith("\"misc\": {}\n}");
    assertThat(SubmissionJsonWriter.inference(e, new InferenceResult(1.5, 93.2)))
        .doesNotContain("\"cost\"")
        .contains("\"latency\": 1.5,\n    \"top5Accuracy\": 93.2,");
  }

  @Test
  void costPerItemFollowsPr117Example() {
    // 12.6 RMB/h at 0.14 USD/RMB, 0.637316 ms per image -> 3.1228484e-07 USD per image.
    assertThat(new InferenceResult(0.637316, 93.0).costPerItem(12.6 * 0.14))
        .isCloseTo(3.1228484e-07, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void rejectsNonJsonValues() {
    assertThatThrownBy(() -> PythonJsonWriter.write(Map.of("x", new Object())))
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void entryValidationNamesTheField() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("dataset", "ImageNet");
    map.put("fileBasename", "x");
    map.put("author", "A");
    map.put("authorEmail", "a@x");
    map.put("framework", "F");
    map.put("model", "M");
    map.put("hardware", "H");
    map.put("timestamp", "2026-1-2");
    map.put("metric", "top5Accuracy");
    map.put("threshold", 93.0);
    assertThatThrownBy(() -> DawnbenchEntry.fromMap(map))
        .hasMessageContaining("dawnbench_entry.timestamp");
    map.put("timestamp", "2026-01-02");
    map.put("costPerHour", "cheap");
    assertThatThrownBy(() -> DawnbenchEntry.fromMap(map))
        .hasMessageContaining("dawnbench_entry.costPerHour");
    map.remove("costPerHour");
    map.put("fileBasename", "../escape");
    assertThatThrownBy(() -> DawnbenchEntry.fromMap(map)).hasMessageContaining("fileBasename");
    map.put("fileBasename", "ok");
    assertThat(DawnbenchEntry.fromMap(map).timestamp()).isEqualTo(LocalDate.of(2026, 1, 2));
  }
}
