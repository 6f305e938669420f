package dev.dawn.harness.cli;

import dev.dawn.workloads.models.export.ExportedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --export-savedmodel DIR}, checked before the inference run folder is made: DIR must be new
 * or empty, or an earlier SavedModel that {@code --overwrite} allows to replace. A file, or a
 * folder holding anything else, is refused: nothing of the user's is deleted or mixed with a model.
 */
final class SavedModelTarget {
  /** What a TF SavedModel folder holds (dawn writes its layer description into assets.extra/). */
  private static final List<String> SAVEDMODEL_ENTRIES =
      List.of(ExportedModel.GRAPH_FILE, "variables", "assets", "assets.extra", "fingerprint.pb");

  private SavedModelTarget() {}

  /**
   * Refuses a target that cannot take the model; with {@code overwrite}, removes the earlier
   * SavedModel.
   */
  static void prepare(Path dir, boolean overwrite) throws IOException {
    String flag = "--export-savedmodel " + dir + ": ";
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(flag + "is a file; give a folder that does not exist yet");
    }
    boolean savedModel = Files.isRegularFile(dir.resolve(ExportedModel.GRAPH_FILE));
    try (Stream<Path> children = Files.list(dir)) {
      List<String> foreign =
          children
              .map(p -> p.getFileName().toString())
              .filter(name -> !SAVEDMODEL_ENTRIES.contains(name))
              .sorted()
              .toList();
      if (!foreign.isEmpty() || (!savedModel && !isEmpty(dir))) {
        throw new BadInputException(
            flag
                + "is a folder holding other files ("
                + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                + (foreign.size() > 3 ? ", ..." : "")
                + "); give a new or empty folder");
      }
    }
    if (savedModel && !overwrite) {
      throw new BadInputException(
          flag
              + "already holds a SavedModel; refusing to overwrite it (add --overwrite to "
              + "replace it)");
    }
    for (String entry : SAVEDMODEL_ENTRIES) {
      deleteTree(dir.resolve(entry));
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
