package dev.dawn.reporters.dawnbench;

/**
 * Training (JSON + TSV) or inference (JSON only); the corpus folder names are {@code train}, {@code
 * inference}.
 */
public enum Task {
  TRAIN("train"),
  INFERENCE("inference");

  private final String folder;

  Task(String folder) {
    this.folder = folder;
  }

  public String folderName() {
    return folder;
  }

  public static Task fromFolderName(String name) {
    for (Task t : values()) {
      if (t.folder.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown DAWNBench task folder '" + name + "'; expected train or inference");
  }
}
