package dev.dawn.reporters.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dawn.reporters.dawnbench.DawnbenchTask;
import dev.dawn.reporters.inference.InferenceExporter;
import dev.dawn.reporters.run.RunExporter;
import dev.dawn.reporters.run.RunFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run folders committed under {@code results/} were written by earlier versions of the event
 * schema: rebuilding their files from {@code events.jsonl} alone gives the TSV, JSON and CSV files
 * on disk byte for byte, and every figure again (same pixel size).
 */
class CommittedRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path RESULTS = Path.of("..", "results", "2026-11-26");

  @TempDir Path tmp;

  @Test
  void everyCommittedRunFolderRebuildsItsFilesUnchanged() throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(RESULTS),
        RESULTS.toAbsolutePath() + " not found (run from the reporters module)");
    List<Path> runs = runFolders();
    assertThat(runs).as("committed run folders").hasSizeGreaterThanOrEqualTo(10);
    int inference = 0;
    for (Path run : runs) {
      Path copy = tmp.resolve(run.getFileName().toString());
      Files.createDirectories(copy);
      Files.copy(run.resolve(RunFolder.EVENTS), copy.resolve(RunFolder.EVENTS));
      boolean isInference = Files.isRegularFile(run.resolve(RunFolder.INFERENCE_SUMMARY));
      List<Path> written = isInference ? InferenceExporter.export(copy) : RunExporter.export(copy);
      inference += isInference ? 1 : 0;
      assertThat(written).as(run + ": files rebuilt").isNotEmpty();
      for (Path file : written) {
        Path committed = run.resolve(file.getFileName().toString());
        String name = file.getFileName().toString();
        if (name.endsWith(".png")) {
          if (Files.isRegularFile(committed)) {
            BufferedImage was = ImageIO.read(committed.toFile());
            BufferedImage now = ImageIO.read(file.toFile());
            assertThat(now.getWidth()).as(file.toString()).isEqualTo(was.getWidth());
            assertThat(now.getHeight()).as(file.toString()).isEqualTo(was.getHeight());
          }
        } else if (name.endsWith(".json")) {
          // These logs predate the dawnbench_task event, so their JSONs are now marked as no entry;
          // everything else is unchanged. (Their inference-summary.csv files were rebuilt once
          // when the columns of accuracy against fp32 were appended.)
          assertThat(committed).as("committed " + name).isRegularFile();
          ObjectNode now = (ObjectNode) JSON.readTree(file.toFile());
          ObjectNode misc = (ObjectNode) now.get("misc");
          assertThat(misc.remove(DawnbenchTask.NOT_AN_ENTRY_MARK))
              .as(file + ": not-an-entry mark")
              .isNotNull();
          // An inference variant's accuracy against fp32 came later too.
          misc.remove(List.of("accuracyVsFp32", "accuracyMark"));
          assertThat(now).as(file.toString()).isEqualTo(JSON.readTree(committed.toFile()));
        } else if (!name.endsWith(".svg")) {
          assertThat(committed).as("committed " + name).isRegularFile();
          assertThat(Files.readString(file))
              .as(file.toString())
              .isEqualTo(Files.readString(committed));
        }
      }
    }
    assertThat(inference).as("inference run folders among them").isGreaterThanOrEqualTo(3);
  }

  private static List<Path> runFolders() throws IOException {
    List<Path> runs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(RESULTS, 2)) {
      s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.EVENTS))).sorted().forEach(runs::add);
    }
    return runs;
  }
}
