package dev.dawn.reporters.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies a hand-written run folder from src/test/resources/runs into a temp dir, so tests may
 * mutate it.
 */
public final class RunFixture {
  private RunFixture() {}

  public static Path copy(String name, Path target) throws IOException {
    Path source = Path.of("src/test/resources/runs", name);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return target;
  }

  /** The real-ImageNet facts of the imagenet-reached fixture's dawnbench_task event. */
  public static final String IMAGENET_FACTS =
      "\"dataKind\":\"imagenet\",\"classes\":1000,\"validationImages\":50000,\"evaluatedImages\":50000";

  /**
   * Rewrites the fixture's dawnbench_task facts, as if the run had used other data; the export is
   * rebuilt.
   */
  public static Path withData(
      Path run, String kind, int classes, int validationImages, int evaluatedImages)
      throws IOException {
    Path events = run.resolve(RunFolder.EVENTS);
    String text = Files.readString(events);
    if (!text.contains(IMAGENET_FACTS)) {
      throw new IllegalStateException(
          "fixture " + run + " has no ImageNet dawnbench_task facts to replace");
    }
    Files.writeString(
        events,
        text.replace(
            IMAGENET_FACTS,
            "\"dataKind\":\""
                + kind
                + "\",\"classes\":"
                + classes
                + ",\"validationImages\":"
                + validationImages
                + ",\"evaluatedImages\":"
                + evaluatedImages));
    RunExporter.export(run);
    return run;
  }

  /**
   * The fixture copied and exported (DAWNBench TSV/JSON, metrics.csv, accuracy.png), as after
   * {@code dawn train}.
   */
  public static Path exported(String name, Path target) throws IOException {
    copy(name, target);
    RunExporter.export(target);
    return target;
  }
}
