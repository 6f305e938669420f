package dev.dawn.reporters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.run.RunDirectory;
import dev.dawn.reporters.run.RunFixture;
import dev.dawn.reporters.run.RunsIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {
  @TempDir Path tmp;

  @Test
  void sweepTableWritesNamedColumnsEmptyCellsAndQuotes() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("batch_size", 64);
    first.put("fusion_mib", 4.0);
    first.put("hours_to_target", 0.125);
    first.put("note", "ok, \"fast\"");
    CsvTable sweep =
        CsvTable.ofMaps(
            List.of("batch_size", "fusion_mib", "hours_to_target", "note"),
            List.of(first, Map.of("batch_size", 128, "fusion_mib", 4.0)));
    assertThat(CsvTableWriter.write(sweep))
        .isEqualTo(
            "batch_size,fusion_mib,hours_to_target,note\r\n"
                + "64,4.0,0.125,\"ok, \"\"fast\"\"\"\r\n128,4.0,,\r\n");
    assertThatThrownBy(() -> CsvTable.ofMaps(List.of("a"), List.of(Map.of("b", 1))))
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> new CsvTable(List.of("a", "a"), List.of()))
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> new CsvTable(List.of("a", "b"), List.of(List.of(1))))
        .hasMessageContaining("row 1");
  }

  @Test
  void runsIndexHasOneRowPerRunWithSettingsTimeAndCost() throws Exception {
    Path runs = tmp.resolve("runs");
    RunFixture.copy("imagenet-reached", runs.resolve("b-reached"));
    Path killed = RunFixture.copy("imagenet-killed", runs.resolve("a-killed"));
    Files.createDirectories(runs.resolve("not-a-run"));
    List<Path> folders = RunsIndex.runFolders(runs);
    assertThat(folders).containsExactly(killed, runs.resolve("b-reached"));

    String csv =
        CsvTableWriter.write(RunsIndex.table(folders.stream().map(RunDirectory::read).toList()));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv))
            .getRecords();
    assertThat(rows).hasSize(2);
    CSVRecord reached = rows.get(1);
    assertThat(
            Arrays.asList(
                reached.get("run_id"),
                reached.get("model"),
                reached.get("batch_size"),
                reached.get("optimizer"),
                reached.get("learning_rate"),
                reached.get("resolution"),
                reached.get("status"),
                reached.get("time_to_target"),
                reached.get("hours_to_target"),
                reached.get("cost_usd")))
        .containsExactly(
            "r-reached",
            "resnet50",
            "256",
            "momentum",
            "0.1",
            "224",
            "success",
            "3:00:00",
            "3.0",
            "9.18");
    assertThat(rows.get(0).get("status")).isEqualTo("killed");
    assertThat(rows.get(0).get("time_to_target")).isEqualTo("0:12:00"); // reached before the kill
  }
}
