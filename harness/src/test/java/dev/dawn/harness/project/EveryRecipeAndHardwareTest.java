package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reference recipe projects on every hardware file with every stack of that file's family, on
 * one node and on two.
 */
class EveryRecipeAndHardwareTest {

  @Test
  void everyReferenceRecipeOnEveryHardwareFile() throws Exception {
    List<Path> recipes;
    List<Path> hardware;
    try (var r = Files.list(Path.of("..", "reference-configs"));
        var h = Files.list(HardwareFileTest.DIR)) {
      recipes = r.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      hardware = h.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(recipes).hasSizeGreaterThanOrEqualTo(8);
    List<StackSpec> stacks;
    try (var s = Files.list(StackFileTest.DIR)) {
      stacks =
          s.filter(p -> p.toString().endsWith(".yaml"))
              .sorted()
              .map(p -> StackFile.load(p.toString(), StackFileTest.DIR))
              .toList();
    }
    for (Path recipeFile : recipes) {
      var recipe = ConfigRecipe.load(recipeFile, null, List.of());
      List<Long> gradients = ModelGradients.elementCounts(recipe.model());
      for (Path hwFile : hardware) {
        HardwareSpec hw =
            HardwareFile.load(hwFile.toString(), HardwareFileTest.DIR, List.of()).spec();
        StackSpec own = StackFile.load(hw.device().stack(), StackFileTest.DIR);
        for (StackSpec other : stacks) {
          if (!other.compute().relativeTo().equals(own.compute().relativeTo())) continue;
          SoftwareStack stack = SoftwareStack.on(other, own);
          String what = recipeFile + " on " + hwFile + " with " + other.name();
          for (int nodes : new int[] {1, 2}) {
            int devices = nodes * hw.node().devicesPerNode();
            var p =
                Projection.of(
                    recipe.plan(),
                    new StepModel(hw, stack, devices, gradients, stack.fusionThresholdBytes()),
                    hw.name(),
                    devices,
                    0);
            assertThat(p.epochs()).as(what).hasSize(recipe.plan().epochs().size());
            assertThat(p.totalHours()).as(what).isPositive().isFinite();
          }
        }
      }
    }
  }
}
