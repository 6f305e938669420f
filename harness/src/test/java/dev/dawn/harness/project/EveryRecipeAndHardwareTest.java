package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reference recipe projects on every hardware file with that file's own stack, on one node
 * and on two.
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
    for (Path recipeFile : recipes) {
      var recipe = ConfigRecipe.load(recipeFile, null, List.of());
      List<Long> gradients = ModelGradients.elementCounts(recipe.model());
      for (Path hwFile : hardware) {
        HardwareSpec hw =
            HardwareFile.load(hwFile.toString(), HardwareFileTest.DIR, List.of()).spec();
        StackSpec own = StackFile.load(hw.device().stack(), StackFileTest.DIR);
        SoftwareStack stack = SoftwareStack.on(own, own);
        for (int nodes : new int[] {1, 2}) {
          int devices = nodes * hw.node().devicesPerNode();
          var p =
              Projection.of(
                  recipe.plan(),
                  new StepModel(hw, stack, devices, gradients, stack.fusionThresholdBytes()),
                  hw.name(),
                  devices,
                  0);
          assertThat(p.epochs())
              .as(recipeFile + " on " + hwFile)
              .hasSize(recipe.plan().epochs().size());
          assertThat(p.totalHours()).as(recipeFile + " on " + hwFile).isPositive().isFinite();
        }
      }
    }
  }
}
