package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedNet;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folded net -> TF SavedModel (tag "serve", signature {@code serving_default}: {@code images} [N,
 * H, W, C] float -> {@code logits} [N, classes]) and back. Weights are graph constants, so the
 * whole model is in {@code saved_model.pb}; {@link FoldedNetDescription} in {@code assets.extra/}
 * records the layer structure so the net can be rebuilt.
 */
public final class SavedModelExport {
  private SavedModelExport() {}

  public static void export(FoldedNet net, Path dir) {
    try (FoldedModel model = new FoldedModel(net)) {
      model.exportSavedModel(dir);
    }
  }

  /** Trained weights -> BN-folded SavedModel at {@code resolution}. */
  public static void export(ModelWeights weights, int resolution, Path dir) {
    export(BnFolding.fold(weights, resolution), dir);
  }

  /**
   * The folded net of a SavedModel written by {@link #export}: bit-equal weights, same layers.
   *
   * @throws WeightFileException naming the folder or file when it is not a SavedModel, or one not
   *     written by dawn
   */
  public static FoldedNet loadNet(Path dir) {
    if (Files.isRegularFile(dir.resolve(ExportedModel.GRAPH_FILE))) {
      FoldedNetDescription.requirePresent(dir); // fail before loading a possibly large graph
    }
    try (ExportedModel model = load(dir)) {
      return model.foldedNet();
    }
  }

  /**
   * @throws WeightFileException naming the folder or {@code saved_model.pb} when it is missing,
   *     truncated or corrupt
   */
  public static ExportedModel load(Path dir) {
    return ExportedModel.load(dir);
  }
}
