package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phase arithmetic: epochs from segments and configs, steps per epoch, hours per epoch and
 * cumulative.
 */
class ProjectionTest {

  @Test
  void segmentsExpandPerEpochAndTheShorterListKeepsItsLastValue() {
    var plan =
        RecipePlan.fromSegments(
            "r",
            1000,
            List.of(new RecipePlan.Segment(2, 128), new RecipePlan.Segment(1, 224)),
            List.of(new RecipePlan.Segment(1, 100), new RecipePlan.Segment(3, 300)));
    assertThat(plan.epochs())
        .containsExactly(
            new RecipePlan.EpochPlan(1, 128, 100),
            new RecipePlan.EpochPlan(2, 128, 300),
            new RecipePlan.EpochPlan(3, 224, 300),
            new RecipePlan.EpochPlan(4, 224, 300));
  }

  @Test
  void anEpochRunsEveryImageOnceWithAShortLastBatch() {
    var plan =
        RecipePlan.fromSegments(
            "r",
            1000,
            List.of(new RecipePlan.Segment(1, 32)),
            List.of(new RecipePlan.Segment(1, 300)));
    assertThat(plan.stepsPerEpoch(300)).isEqualTo(4);
    assertThat(plan.stepsPerEpoch(1000)).isEqualTo(1);
    assertThat(plan.stepsPerEpoch(250)).isEqualTo(4);
  }

  @Test
  void hoursPerEpochAreStepsTimesTheStepAndAddUp() {
    // 1 device of 1000 images/s at 200 px; 3600 images per epoch; an input pipeline fast enough not
    // to bound it.
    var plan =
        RecipePlan.fromSegments(
            "r",
            3600,
            List.of(new RecipePlan.Segment(2, 200), new RecipePlan.Segment(1, 100)),
            List.of(new RecipePlan.Segment(3, 360)));
    var model =
        new StepModel(
            TestHardware.file("input.imagesPerSecondPerCore=1e9").spec(),
            TestHardware.network().spec(),
            TestHardware.STACK,
            1,
            List.of(10L),
            0);
    var p = Projection.of(plan, model, "test", 1, 0);
    // 10 steps of 0.36 s = 3.6 s = 0.001 h at 200 px; a quarter of that at 100 px
    assertThat(p.epochs()).extracting(EpochProjection::steps).containsExactly(10L, 10L, 10L);
    assertThat(p.epochs().get(0).computeHours()).isCloseTo(0.001, within(1e-12));
    assertThat(p.epochs().get(2).computeHours()).isCloseTo(0.00025, within(1e-12));
    assertThat(p.totalHours()).isCloseTo(0.00225, within(1e-12));
    assertThat(p.epochs().get(1).cumulativeHours()).isCloseTo(0.002, within(1e-12));
    assertThat(Projection.of(plan, model, "test", 1, 2).totalHours())
        .isCloseTo(0.002, within(1e-12));
    assertThatThrownBy(() -> Projection.of(plan, model, "test", 1, 4))
        .hasMessageContaining("past the recipe's last epoch 3");
  }

  @Test
  void aReferenceConfigGivesItsPhasesPerEpochAndTheImageNetTrainingSet() {
    var r =
        ConfigRecipe.load(
            Path.of("..", "reference-configs", "fastai-2018-09.yaml"), null, List.of());
    assertThat(r.plan().trainImages()).isEqualTo(1_281_167L);
    assertThat(r.plan().epochs()).hasSize(40);
    assertThat(r.plan().epochs().get(5)).isEqualTo(new RecipePlan.EpochPlan(6, 128, 8192));
    assertThat(r.plan().epochs().get(6)).isEqualTo(new RecipePlan.EpochPlan(7, 128, 16384));
    assertThat(r.plan().epochs().get(19)).isEqualTo(new RecipePlan.EpochPlan(20, 224, 24576));
    assertThat(r.plan().epochs().get(39)).isEqualTo(new RecipePlan.EpochPlan(40, 288, 16384));
    assertThat(r.model().architecture()).isEqualTo("resnet50");
    assertThat(r.model().numClasses()).isEqualTo(1000);
  }
}
