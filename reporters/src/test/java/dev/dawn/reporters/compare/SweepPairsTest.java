package dev.dawn.reporters.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.reporters.sweep.BenchSweepRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPairsTest {
  @TempDir Path tmp;

  @Test
  void withoutNamedPairsTheTwoOptimizersAreComparedAtEachBatchSize() throws Exception {
    var runs = BenchSweepRuns.runs();
    var pairs = SweepPairs.of(tmp, runs); // no spec.yaml here
    assertThat(pairs).hasSize(4);
    assertThat(pairs.get(3).a().toString())
        .isEqualTo("optimizer.name=momentum,train.batchSize=1024");
    assertThat(pairs.get(3).b().toString()).isEqualTo("optimizer.name=lars,train.batchSize=1024");
    assertThat(SweepPairs.select(runs, pairs.get(3).b()))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.cell()).isEqualTo(8));
  }

  @Test
  void theSpecsPairsComeFirst() throws Exception {
    Files.writeString(
        tmp.resolve(SweepPairs.SPEC_FILE),
        """
        name: s
        compare:
          - a: optimizer.name=momentum,train.batchSize=1024
            b: optimizer.name=lars,train.batchSize=1024.0
        """);
    var pairs = SweepPairs.of(tmp, BenchSweepRuns.runs());
    assertThat(pairs).hasSize(1);
    // numbers match by value: 1024.0 selects the cells written 1024
    assertThat(SweepPairs.select(BenchSweepRuns.runs(), pairs.get(0).b())).hasSize(2);
  }

  @Test
  void aSelectorMatchesTextAndNumbersByValue() {
    CellSelector s = CellSelector.parse("optimizer.name=lars, train.batchSize=1024", "here");
    assertThat(s.matches(Map.of("optimizer.name", "lars", "train.batchSize", 1024.0))).isTrue();
    assertThat(s.matches(Map.of("optimizer.name", "lars", "train.batchSize", 512))).isFalse();
    assertThat(s.matches(Map.of("optimizer.name", "lars"))).isFalse();
    assertThatThrownBy(() -> CellSelector.parse("lars", "spec.yaml:3"))
        .hasMessage(
            "spec.yaml:3: 'lars' is not key=value (a sweep cell is named key=value,key=value)");
  }

  @Test
  void aMalformedEntryNamesTheSpecAndTheRule() throws Exception {
    Path spec = tmp.resolve(SweepPairs.SPEC_FILE);
    Files.writeString(spec, "compare:\n  - a: optimizer.name=lars\n");
    assertThatThrownBy(() -> SweepPairs.named(spec))
        .hasMessageStartingWith(spec + ": compare entry 1: a compare entry is {a: key=value");
  }
}
