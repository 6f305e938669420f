package dev.dawn.workloads.models.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.models.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelExportTest {
  @TempDir Path tmp;

  private static FoldedNet tinyNet() {
    return BnFolding.fold(
        UnfoldedReference.randomBn(new ModelSpec("resnet9", 3, 0.0625, null, null), 2L), 8);
  }

  @Test
  void exportedModelGivesTheFoldedLogits() {
    FoldedNet net = tinyNet();
    Path dir = tmp.resolve("model");
    SavedModelExport.export(net, dir);
    assertThat(dir.resolve(ExportedModel.GRAPH_FILE)).isRegularFile();
    float[] x = BnFoldingTest.randomImages(2, 8, 4L);
    try (FoldedModel live = new FoldedModel(net);
        ExportedModel loaded = SavedModelExport.load(dir)) {
      assertThat(loaded.height()).isEqualTo(8);
      float[] expected = live.logits(x, 2);
      assertThat(expected).hasSize(6);
      assertThat(BnFoldingTest.maxAbsDiff(expected, loaded.logits(x, 2))).isLessThanOrEqualTo(1e-6);
    }
  }

  @Test
  void truncatedGraphFileGivesAnErrorNamingIt() throws Exception {
    Path dir = tmp.resolve("broken");
    SavedModelExport.export(tinyNet(), dir);
    Path pb = dir.resolve(ExportedModel.GRAPH_FILE);
    byte[] raw = Files.readAllBytes(pb);
    Files.write(pb, Arrays.copyOf(raw, raw.length / 3));
    assertThatThrownBy(() -> SavedModelExport.load(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(pb.toString())
        .hasMessageContaining("could not be loaded");
  }

  @Test
  void missingFolderOrGraphFileIsNamed() throws Exception {
    Path absent = tmp.resolve("absent");
    assertThatThrownBy(() -> SavedModelExport.load(absent))
        .hasMessageContaining(absent.toString())
        .hasMessageContaining("does not exist");
    Files.createDirectories(absent);
    assertThatThrownBy(() -> SavedModelExport.load(absent))
        .hasMessageContaining(absent.resolve("saved_model.pb").toString())
        .hasMessageContaining("missing");
  }

  @Test
  void loadNetRebuildsTheExportedNetBitForBit() {
    // ResNet-D: deep stem, bottlenecks, average-pool shortcuts; plus the ResNet-9 wiring
    for (FoldedNet net :
        List.of(
            BnFolding.fold(
                UnfoldedReference.randomBn(new ModelSpec("resnet50", 4, 0.0625, "D", null), 3L),
                16),
            tinyNet())) {
      Path dir = tmp.resolve("roundtrip-" + net.layers().size());
      SavedModelExport.export(net, dir);
      assertThat(dir.resolve(FoldedNetDescription.FILE)).isRegularFile();
      FoldedNet back = SavedModelExport.loadNet(dir);
      assertThat(back).usingRecursiveComparison().isEqualTo(net);
    }
  }

  @Test
  void aSavedModelWithoutTheDescriptionIsNamedAsNotDawns() throws Exception {
    Path dir = tmp.resolve("foreign");
    SavedModelExport.export(tinyNet(), dir);
    Files.delete(dir.resolve(FoldedNetDescription.FILE));
    assertThatThrownBy(() -> SavedModelExport.loadNet(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("not written by dawn")
        .hasMessageContaining("dawn-folded-net.json");
    try (ExportedModel stillServes = SavedModelExport.load(dir)) {
      assertThat(stillServes.height()).isEqualTo(8);
    }
  }

  @Test
  void aDescriptionPointingAtAMissingConstantNamesTheKey() throws Exception {
    Path dir = tmp.resolve("edited");
    SavedModelExport.export(tinyNet(), dir);
    Path file = dir.resolve(FoldedNetDescription.FILE);
    String json = Files.readString(file);
    Files.writeString(
        file, json.replaceFirst("\"kernel\" : \"[^\"]+\"", "\"kernel\" : \"no_such_op\""));
    assertThatThrownBy(() -> SavedModelExport.loadNet(dir))
        .isInstanceOf(WeightFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("layers[0].kernel")
        .hasMessageContaining("no_such_op");
  }
}
