package dev.dawn.workloads.models.arch;

import dev.dawn.workloads.inference.net.Activation;
import java.util.List;

/**
 * {@code afterAdd(main(x) + shortcut(x))}: {@code main} applied in order; {@code shortcut} null for
 * the identity. ResNets end {@code main} with a linear conv and apply ReLU after the add; Page's
 * ResNet-9 keeps the ReLU on its last conv and adds nothing after ({@code afterAdd = NONE}).
 */
public record Residual(String name, List<Conv> main, Shortcut shortcut, Activation afterAdd)
    implements Layer {
  public Residual {
    if (main == null || main.isEmpty() || afterAdd == null) {
      throw new IllegalArgumentException(
          "residual '" + name + "' needs a main path and an activation after the add");
    }
    main = List.copyOf(main);
  }
}
