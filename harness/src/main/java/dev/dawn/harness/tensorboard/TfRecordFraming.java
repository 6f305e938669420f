package dev.dawn.harness.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One TFRecord: the payload's length as a little-endian uint64, the masked CRC-32C of those 8
 * bytes, the payload, and the payload's masked CRC-32C. TensorBoard event files are a sequence of
 * these, each payload a serialized {@code Event}.
 */
public final class TfRecordFraming {
  private TfRecordFraming() {}

  public static byte[] frame(byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + payload.length + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(payload.length);
    b.putInt(MaskedCrc32c.of(b.array(), 0, 8));
    b.put(payload);
    b.putInt(MaskedCrc32c.of(payload));
    return b.array();
  }
}
