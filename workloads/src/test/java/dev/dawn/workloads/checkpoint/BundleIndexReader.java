package dev.dawn.workloads.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;

/**
 * An independent reader of a TensorFlow V2 checkpoint's {@code .index}, written from the format as
 * TensorFlow's sources define it (not with TensorFlow), so a test can list what dawn wrote the way
 * Python's {@code tf.train.list_variables} would.
 *
 * <p>The index is a LevelDB-style table ({@code tensorflow/core/lib/io/table_builder.cc}, {@code
 * block_builder.cc}, {@code format.cc}): blocks of prefix-compressed entries ({@code shared,
 * unshared, value length} as varint32, the key's unshared bytes, the value) ending in a restart
 * array ({@code uint32} offsets, then their count), each block followed by a 1-byte compression
 * type (0 = none; TensorFlow writes bundles uncompressed) and the masked CRC32C of block and type;
 * at the end a 48-byte footer: the metaindex and index block handles (varint64 offset and size
 * each), zero padding, and the magic {@code 0xdb4775248b80fb57} as two little-endian uint32. The
 * index block maps a separator key to each data block's handle. In the data blocks ({@code
 * tensorflow/core/util/tensor_bundle/tensor_bundle.cc}, {@code BundleWriter::Finish}) the key
 * {@code ""} holds the {@link BundleHeaderProto} and every other key, a tensor's name in sorted
 * order, its {@link BundleEntryProto}: dtype, shape, shard, offset and size in the data file, and
 * the masked CRC32C of those bytes.
 */
public final class BundleIndexReader {
  private static final long MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER = 48;
  private static final int TRAILER = 5;

  /** What an index holds: its header and each tensor's entry, by name in file order. */
  public record Contents(BundleHeaderProto header, Map<String, BundleEntryProto> entries) {}

  private final byte[] file;
  private final Path path;

  private BundleIndexReader(Path path) throws IOException {
    this.path = path;
    this.file = Files.readAllBytes(path);
  }

  public static Contents read(Path index) throws IOException {
    return new BundleIndexReader(index).contents();
  }

  /** LevelDB's masked CRC32C ({@code crc32c::Mask}): rotated right by 15 bits plus a constant. */
  public static int maskedCrc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  private Contents contents() throws IOException {
    if (file.length < FOOTER) throw new IOException(path + ": shorter than a table footer");
    ByteBuffer footer =
        ByteBuffer.wrap(file, file.length - FOOTER, FOOTER).order(ByteOrder.LITTLE_ENDIAN);
    long magic = footer.getLong(file.length - 8);
    if (magic != MAGIC)
      throw new IOException(path + ": bad table magic " + Long.toHexString(magic));
    int[] at = {file.length - FOOTER};
    long metaOffset = varint(at);
    long metaSize = varint(at);
    long indexOffset = varint(at);
    long indexSize = varint(at);
    block(metaOffset, metaSize); // checked, but TensorFlow writes it empty
    BundleHeaderProto header = null;
    Map<String, BundleEntryProto> entries = new LinkedHashMap<>();
    for (byte[] handle : entries(block(indexOffset, indexSize)).values()) {
      int[] h = {0};
      long offset = varintIn(handle, h);
      long size = varintIn(handle, h);
      for (Map.Entry<String, byte[]> e : entries(block(offset, size)).entrySet()) {
        try {
          if (e.getKey().isEmpty()) {
            header = BundleHeaderProto.parseFrom(e.getValue());
          } else {
            entries.put(e.getKey(), BundleEntryProto.parseFrom(e.getValue()));
          }
        } catch (InvalidProtocolBufferException bad) {
          throw new IOException(path + ": entry '" + e.getKey() + "' is not a proto", bad);
        }
      }
    }
    if (header == null) throw new IOException(path + ": no header entry (key \"\")");
    return new Contents(header, entries);
  }

  /** A block's contents after checking its trailer (no compression, CRC). */
  private byte[] block(long offset, long size) throws IOException {
    int o = Math.toIntExact(offset);
    int n = Math.toIntExact(size);
    if (o + n + TRAILER > file.length) throw new IOException(path + ": block past the end");
    if (file[o + n] != 0)
      throw new IOException(path + ": compressed block (type " + file[o + n] + ")");
    int stored = ByteBuffer.wrap(file, o + n + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (stored != maskedCrc32c(file, o, n + 1)) throw new IOException(path + ": block checksum");
    byte[] block = new byte[n];
    System.arraycopy(file, o, block, 0, n);
    return block;
  }

  /** The key-value pairs of a block, in order. */
  private static Map<String, byte[]> entries(byte[] block) {
    ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    int restarts = b.getInt(block.length - 4);
    int end = block.length - 4 - 4 * restarts;
    Map<String, byte[]> out = new LinkedHashMap<>();
    byte[] key = new byte[0];
    int[] at = {0};
    while (at[0] < end) {
      int shared = (int) varintIn(block, at);
      int unshared = (int) varintIn(block, at);
      int valueLength = (int) varintIn(block, at);
      byte[] next = new byte[shared + unshared];
      System.arraycopy(key, 0, next, 0, shared);
      System.arraycopy(block, at[0], next, shared, unshared);
      at[0] += unshared;
      byte[] value = new byte[valueLength];
      System.arraycopy(block, at[0], value, 0, valueLength);
      at[0] += valueLength;
      key = next;
      out.put(new String(key, StandardCharsets.UTF_8), value);
    }
    return out;
  }

  private long varint(int[] at) {
    return varintIn(file, at);
  }

  private static long varintIn(byte[] bytes, int[] at) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[at[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) return value;
    }
  }
}
