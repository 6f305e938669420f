package dev.dawn.reporters.dawnbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dawn.reporters.dawnbench.DawnbenchTask.Facts;
import org.junit.jupiter.api.Test;

/** The task rule: an entry only on the whole real data set. */
class DawnbenchTaskTest {
  static DawnbenchTask judge(String kind, int classes, int split, int evaluated) {
    return DawnbenchTask.judge(new Facts(kind, classes, split, evaluated, null));
  }

  @Test
  void theWholeRealDataSetIsAnEntry() {
    assertThat(judge("imagenet", 1000, 50_000, 50_000).dataset()).isEqualTo(Dataset.IMAGENET);
    assertThat(judge("cifar10", 10, 10_000, 10_000).dataset()).isEqualTo(Dataset.CIFAR10);
    assertThat(judge("imagenet", 1000, 50_000, 50_000).describe())
        .isEqualTo("ImageNet DAWNBench entry");
  }

  @Test
  void syntheticDataIsNoEntryWhateverItsShape() {
    // The embedded set shaped like ImageNet is still not ImageNet (a 5-class run has 100% top-5 by
    // construction).
    for (DawnbenchTask t :
        new DawnbenchTask[] {
          judge("synthetic", 5, 50, 50), judge("synthetic", 1000, 50_000, 50_000)
        }) {
      assertThat(t.isEntry()).isFalse();
      assertThat(t.describe()).startsWith("not a DAWNBench entry: ").contains("synthetic");
    }
  }

  @Test
  void fewerClassesASmallerSplitOrALimitedEvaluationIsNoEntry() {
    assertThat(judge("imagenet", 100, 50_000, 50_000).reason())
        .contains("all 1000 classes")
        .contains("has 100");
    assertThat(judge("imagenet", 1000, 5_000, 5_000).reason()).contains("50,000").contains("5,000");
    assertThat(judge("imagenet", 1000, 50_000, 10).reason()).contains("evaluated 10 of the 50,000");
    assertThat(judge("cifar10", 10, 10_000, 9_999).reason())
        .contains("evaluated 9,999 of the 10,000");
    assertThat(judge("cifar10", 5, 10_000, 10_000).isEntry()).isFalse();
    assertThat(judge("squad", 2, 10, 10).reason()).contains("data.kind 'squad'");
    assertThat(
            DawnbenchTask.judge(new Facts("imagenet", 1000, 50_000, 50_000, "/runs/a/weights"))
                .reason())
        .contains("started from trained weights (/runs/a/weights)");
  }

  @Test
  void theBlacklistedImagenetImagesMayBeLeftOutWhenDeclared() {
    Facts without = new Facts("imagenet", 1000, 48_238, 48_238, null, false);
    assertThat(DawnbenchTask.judge(without).dataset()).isEqualTo(Dataset.IMAGENET);
    assertThat(DawnbenchTask.fromEvent(DawnbenchTask.judge(without).event()).isEntry()).isTrue();
    assertThat(
            DawnbenchTask.judge(new Facts("imagenet", 1000, 48_238, 48_238, null, null)).reason())
        .contains("usedBlacklist: false");
    assertThat(
            DawnbenchTask.judge(new Facts("imagenet", 1000, 48_238, 48_238, null, true)).isEntry())
        .isFalse();
    assertThat(
            DawnbenchTask.judge(new Facts("imagenet", 1000, 50_000, 50_000, null, true)).isEntry())
        .isTrue();
    assertThat(
            DawnbenchTask.judge(new Facts("imagenet", 1000, 50_000, 50_000, null, false)).reason())
        .contains("without the 1,762 blacklisted images");
  }

  @Test
  void aSubmissionJsonSaysItIsNoEntryThroughItsMarkOrItsSyntheticDataset() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    java.nio.file.Path f = java.nio.file.Path.of("ImageNet/train/x.json");
    var marked =
        new Submission(
            f,
            Dataset.IMAGENET,
            Task.TRAIN,
            mapper.readTree(
                "{\"misc\": {\"notDawnbenchEntry\": \"it evaluated 10 of the 50,000\"}}"));
    assertThat(DawnbenchTask.problemIn(marked))
        .hasValueSatisfying(
            p -> {
              assertThat(p.field()).isEqualTo("misc.notDawnbenchEntry");
              assertThat(p.rule()).contains("it evaluated 10 of the 50,000");
            });
    var olderDawnFile =
        new Submission(
            f,
            Dataset.IMAGENET,
            Task.TRAIN,
            mapper.readTree("{\"misc\": {\"dataset\": \"synthetic\"}}"));
    assertThat(DawnbenchTask.problemIn(olderDawnFile))
        .hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("misc.dataset"));
    var real =
        new Submission(
            f,
            Dataset.IMAGENET,
            Task.TRAIN,
            mapper.readTree("{\"misc\": {\"dataset\": \"imagenet\"}}"));
    assertThat(DawnbenchTask.problemIn(real)).isEmpty();
    assertThat(
            DawnbenchTask.problemIn(
                new Submission(
                    f, Dataset.IMAGENET, Task.TRAIN, mapper.readTree("{\"misc\": \"x\"}"))))
        .isEmpty();
  }

  @Test
  void theEventValueIsJudgedAgainWhenRead() {
    DawnbenchTask limited = judge("imagenet", 1000, 50_000, 10);
    assertThat(limited.event().entry()).isFalse();
    assertThat(limited.event().evaluatedImages()).isEqualTo(10);
    assertThat(limited.event().reason()).isNotNull();
    assertThat(DawnbenchTask.fromEvent(limited.event())).isEqualTo(limited);
    // A log cannot vouch for itself: "entry": true over synthetic facts is still no entry.
    var s = judge("synthetic", 5, 50, 50).event();
    var forged =
        new dev.dawn.reporters.events.DawnbenchTaskFacts(
            true,
            "ImageNet",
            null,
            s.dataKind(),
            s.classes(),
            s.validationImages(),
            s.evaluatedImages(),
            null,
            null);
    assertThat(DawnbenchTask.fromEvent(forged).isEntry()).isFalse();
    assertThat(DawnbenchTask.unknown().reason()).contains("no dawnbench_task event");
  }
}
