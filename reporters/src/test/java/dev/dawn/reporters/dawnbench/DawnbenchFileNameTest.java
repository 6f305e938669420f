package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DawnbenchFileNameTest {
  @Test
  void plainNamesThatFitWithEveryEndingPass() {
    assertThat(DawnbenchFileName.problem("dawn_resnet9_2c-amd-epyc_tensorflowjava110")).isEmpty();
    // the longest name a run may take still fits with an inference variant and ".json.tmp"
    String run = "a".repeat(255 - ".json.tmp".length() - 16);
    assertThat(DawnbenchFileName.problemOfRun(run)).isEmpty();
    assertThat(DawnbenchFileName.problem(run + "_int8-prune0.25")).isEmpty();
    assertThat((run + "_int8-prune0.25.json.tmp").length()).isLessThanOrEqualTo(255);
  }

  @Test
  void namesTheWriterCannotTakeAreRefusedWithTheRule() {
    assertThat(DawnbenchFileName.problem("dawn_resnet9_../../../x/BBB_tf"))
        .hasValue("must be a plain file name, without '/' or '\\'");
    assertThat(DawnbenchFileName.problem(".hidden")).hasValue("must not start with '.'");
    assertThat(DawnbenchFileName.problem("a\tb")).hasValue("must not hold control characters");
    assertThat(DawnbenchFileName.problem(" ")).hasValue("must not be empty");
    assertThat(DawnbenchFileName.problemOfRun("a".repeat(300)))
        .hasValue("is 300 bytes long; at most 230 fit a file name with the endings dawn adds");
    // bytes, not characters: 'é' is two
    assertThat(DawnbenchFileName.problem("é".repeat(124))).isPresent();
  }

  @Test
  void theWriterHoldsEveryEntryToTheSameRule() {
    String name = "a_b_" + "x".repeat(250) + "_c";
    assertThatThrownBy(() -> SubmissionJsonWriterTest.entry(name, null, null, Map.of()))
        .hasMessageStartingWith("dawnbench_entry.fileBasename 'a_b_xxx")
        .hasMessageEndingWith("at most 246 fit a file name with the endings dawn adds");
  }

  @Test
  void aCostIsAPriceOnlyAboveZero() {
    assertThat(Cost.price(2.5)).isEqualTo(2.5);
    assertThat(Cost.price(0.0)).isNull();
    assertThat(Cost.price((Double) null)).isNull();
    assertThat(Cost.price(Double.POSITIVE_INFINITY)).isNull();
    assertThat(Cost.price(-1.0)).isNull();
  }
}
