package dev.dawn.harness.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.types.TString;

/**
 * The run's event file read back by TensorFlow's own TFRecord reader, every CRC checked, every
 * value found.
 */
class TensorBoardFileTest {
  @TempDir Path tmp;

  @Test
  void maskedCrc32cOfTheStandardCheckVectors() {
    // CRC-32C check value of "123456789" is 0xE3069283; masked: rotate right 15, add 0xa282ead8.
    assertThat(MaskedCrc32c.of("123456789".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0xC78AB0E5);
    // RFC 3720 B.4: 32 zero bytes give CRC-32C 0x8A9136AA.
    assertThat(MaskedCrc32c.of(new byte[32])).isEqualTo(0x0FD7FFFA);
  }

  private Path run() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/runs/imagenet-reached"))) {
      for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  /**
   * Every record of a TFRecord file, read by a TFRecordDataset op (which checks both CRCs of each
   * record).
   */
  static List<byte[]> readWithTensorFlow(Path file) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var records =
          tf.data.tfRecordDataset(
              tf.expandDims(tf.constant(file.toString()), tf.constant(0)),
              tf.constant(""),
              tf.constant(0L),
              tf.constant(new long[] {0}));
      var all =
          tf.data.batchDataset(
              records,
              tf.constant(1_000_000L),
              tf.constant(false),
              List.of(TString.class),
              List.of(Shape.of(-1)));
      var single =
          tf.data.datasetToSingleElement(all, List.of(TString.class), List.of(Shape.of(-1)));
      try (Result r = s.runner().fetch(single.components().get(0)).run()) {
        TString t = (TString) r.get(0);
        List<byte[]> out = new ArrayList<>();
        t.asBytes().scalars().forEach(b -> out.add(b.getObject()));
        return out;
      }
    }
  }

  /** The same file parsed here, checking the length CRC and data CRC of every record. */
  static List<byte[]> readFraming(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      int at = b.position();
      long length = b.getLong();
      assertThat(b.getInt()).as("length CRC at byte " + at).isEqualTo(MaskedCrc32c.of(file, at, 8));
      byte[] data = new byte[(int) length];
      b.get(data);
      assertThat(b.getInt()).as("data CRC at byte " + at).isEqualTo(MaskedCrc32c.of(data));
      out.add(data);
    }
    return out;
  }

  @Test
  void tensorFlowReadsBackEveryRecordAndValue() throws IOException {
    Path dir = run();
    Path file = TensorBoardFile.write(dir);
    assertThat(file.getFileName().toString()).startsWith("events.out.tfevents.1700000000.");

    List<byte[]> records = readWithTensorFlow(file);
    List<byte[]> framed = readFraming(Files.readAllBytes(file));
    assertThat(records).hasSameSizeAs(framed);
    for (int i = 0; i < records.size(); i++) assertThat(records.get(i)).isEqualTo(framed.get(i));

    List<Event> events = new ArrayList<>();
    for (byte[] r : records) events.add(Event.parseFrom(r));
    assertThat(events.get(0).getFileVersion()).isEqualTo("brain.Event:2");
    assertThat(events.get(0).getWallTime()).isEqualTo(1_700_000_000.0);

    Map<String, Map<Long, Float>> scalars = new LinkedHashMap<>();
    Map<String, Summary.Value> plugin = new LinkedHashMap<>();
    for (Event e : events) {
      for (Summary.Value v : e.getSummary().getValueList()) {
        if (v.hasMetadata()) plugin.put(v.getTag(), v);
        else
          scalars
              .computeIfAbsent(v.getTag(), k -> new LinkedHashMap<>())
              .put(e.getStep(), v.getSimpleValue());
      }
    }
    // the fixture's train_step events: steps 100, 200 (epoch 1) and 300, 400 (epoch 2)
    assertThat(scalars.get("train/loss"))
        .containsExactly(
            Map.entry(100L, 6.9f),
            Map.entry(200L, 5.1f),
            Map.entry(300L, 3.2f),
            Map.entry(400L, 2.4f));
    assertThat(scalars.get("train/learning_rate")).containsEntry(200L, 0.1f);
    assertThat(scalars.get("train/momentum")).containsEntry(100L, 0.9f);
    assertThat(scalars.get("train/images_per_second")).containsEntry(200L, 26.0f);
    // evaluations at the global step ending each epoch, and at training seconds (5400 s, 10800 s)
    assertThat(scalars.get("eval/top5_accuracy")).containsOnlyKeys(200L, 400L);
    assertThat(scalars.get("eval/top5_accuracy").get(400L)).isCloseTo(93.12f, within(1e-4f));
    assertThat(scalars.get("eval/top1_accuracy").get(200L)).isCloseTo(55f, within(1e-4f));
    assertThat(scalars.get("eval_vs_training_seconds/top5_accuracy"))
        .containsOnlyKeys(5400L, 10800L);
    assertThat(scalars.get(TensorBoardFile.TIME_TO_TARGET_TAG))
        .containsExactly(Map.entry(400L, 10800f));
    assertThat(scalars.get(TensorBoardFile.EPOCHS_TO_TARGET_TAG))
        .containsExactly(Map.entry(400L, 2f));

    // HParams: the session start holds the config's scalars, the end says success
    Summary.Value start = plugin.get(HParamsPluginData.SESSION_START_TAG);
    assertThat(start.getMetadata().getPluginData().getPluginName()).isEqualTo("hparams");
    UnknownFieldSet data =
        UnknownFieldSet.parseFrom(start.getMetadata().getPluginData().getContent());
    UnknownFieldSet info =
        UnknownFieldSet.parseFrom(data.getField(3).getLengthDelimitedList().get(0));
    Map<String, com.google.protobuf.Value> hparams = new LinkedHashMap<>();
    for (var entry : info.getField(1).getLengthDelimitedList()) {
      UnknownFieldSet kv = UnknownFieldSet.parseFrom(entry);
      hparams.put(
          kv.getField(1).getLengthDelimitedList().get(0).toStringUtf8(),
          com.google.protobuf.Value.parseFrom(kv.getField(2).getLengthDelimitedList().get(0)));
    }
    assertThat(hparams.get("train.batchSize").getNumberValue()).isEqualTo(256.0);
    assertThat(hparams.get("optimizer.name").getStringValue()).isEqualTo("momentum");
    UnknownFieldSet end =
        UnknownFieldSet.parseFrom(
            plugin
                .get(HParamsPluginData.SESSION_END_TAG)
                .getMetadata()
                .getPluginData()
                .getContent());
    UnknownFieldSet endInfo =
        UnknownFieldSet.parseFrom(end.getField(4).getLengthDelimitedList().get(0));
    assertThat(endInfo.getField(1).getVarintList())
        .containsExactly((long) HParamsPluginData.Status.SUCCESS.ordinal());
  }

  @Test
  void aCorruptedByteFailsTensorFlowsCrcCheck() throws IOException {
    Path file = TensorBoardFile.write(run());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 10] ^= 0x01; // inside the last record's payload
    Files.write(file, bytes);
    assertThatThrownBy(() -> readWithTensorFlow(file)).hasMessageContaining("corrupted record");
  }

  @Test
  void rebuildingReplacesTheFile() throws IOException {
    Path dir = run();
    Path stale = Files.writeString(dir.resolve("events.out.tfevents.1.otherhost"), "stale");
    Path file = TensorBoardFile.write(dir);
    Path again = TensorBoardFile.write(dir);
    assertThat(again).isEqualTo(file);
    assertThat(stale).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().contains("tfevents")).count())
          .isEqualTo(1);
    }
  }
}
