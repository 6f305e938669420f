package dev.dawn.harness.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reference recipe projects on every device file joined by every network file, with every
 * stack of the device file's family, on one node and on two.
 */
class EveryRecipeAndHardwareTest {

  @Test
  void everyReferenceRecipeOnEveryHardwareFile() throws Exception {
    List<Path> recipes;
    List<Path> hardware;
    List<NetworkSpec> networks;
    try (var r = Files.list(Path.of("..", "reference-configs"));
        var h = Files.list(HardwareFileTest.DIR);
        var n = Files.list(NetworkFileTest.DIR)) {
      recipes = r.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      hardware = h.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      networks =
          n.filter(p -> p.toString().endsWith(".yaml"))
              .sorted()
              .map(p -> NetworkFile.load(p.toString(), NetworkFileTest.DIR, List.of()).spec())
              .toList();
    }
    assertThat(networks).hasSizeGreaterThanOrEqualTo(8);
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
          for (NetworkSpec net : networks) {
            for (int nodes : new int[] {1, 2}) {
              int devices = nodes * hw.node().devicesPerNode();
              var model =
                  new StepModel(hw, net, stack, devices, gradients, stack.fusionThresholdBytes());
              var p = Projection.of(recipe.plan(), model, hw.name(), devices, 0);
              String on = what + " joined by " + net.name();
              assertThat(p.epochs()).as(on).hasSize(recipe.plan().epochs().size());
              assertThat(p.totalHours()).as(on).isPositive().isFinite();
            }
          }
        }
      }
    }
  }
}
