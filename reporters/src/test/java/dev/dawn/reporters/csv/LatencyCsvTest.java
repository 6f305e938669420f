package dev.dawn.reporters.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.latency.ImageLatency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCsvTest {
  @TempDir Path tmp;

  @Test
  void roundTripsWithQuotedIds() throws Exception {
    List<ImageLatency> images =
        List.of(
            new ImageLatency("a,\"b\".jpg", 3, 5, 12.5, 1.25, 1L, 7L),
            new ImageLatency("c.jpg", 0, 0, 0.1, 0.0));
    String csv = LatencyCsv.write(images);
    assertThat(csv)
        .startsWith(
            "image_id,label,predicted,latency_ms,preprocess_ms,gc_collections,jit_ms\r\n"
                + "\"a,\"\"b\"\".jpg\",3,5,12.5,1.25,1,7\r\nc.jpg,0,0,0.1,0.0,,\r\n");
    assertThat(LatencyCsv.fileName("int8-prune0.5")).isEqualTo("latencies-int8-prune0.5.csv");
    Path f = Files.writeString(tmp.resolve(LatencyCsv.fileName("fp32-prune0")), csv);
    assertThat(LatencyCsv.read(f)).isEqualTo(images);
  }

  @Test
  void badRowsNameFileLineAndColumn() throws Exception {
    Path f = tmp.resolve("latencies.csv");
    Files.writeString(f, "image_id,label,predicted,latency_ms,preprocess_ms\nx.jpg,1,1,fast,0\n");
    assertThatThrownBy(() -> LatencyCsv.read(f))
        .hasMessageContaining("latencies.csv:2")
        .hasMessageContaining("latency_ms");
    Files.writeString(f, "id,label\nx,1\n");
    assertThatThrownBy(() -> LatencyCsv.read(f)).hasMessageContaining("header must be");
    Files.writeString(
        f,
        "image_id,label,predicted,latency_ms,preprocess_ms,gc_collections,jit_ms\nx.jpg,1,1,2,0,-1,0\n");
    assertThatThrownBy(() -> LatencyCsv.read(f))
        .hasMessageContaining("latencies.csv:2")
        .hasMessageContaining("gc_collections");
  }

  @Test
  void filesWrittenBeforeTheJvmColumnsStillRead() throws Exception {
    Path f = tmp.resolve("old.csv");
    Files.writeString(f, "image_id,label,predicted,latency_ms,preprocess_ms\nx.jpg,1,2,3.5,0.5\n");
    assertThat(LatencyCsv.read(f)).containsExactly(new ImageLatency("x.jpg", 1, 2, 3.5, 0.5));
  }
}
