package dev.dawn.harness.tensorboard;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC-32C (Castagnoli) of the bytes, then rotated right by 15
 * bits and offset by {@code 0xa282ead8}. The mask keeps a CRC of data that itself holds CRCs from
 * being degenerate.
 */
public final class MaskedCrc32c {
  private static final int MASK_DELTA = 0xa282ead8;

  private MaskedCrc32c() {}

  /** The masked CRC-32C of {@code length} bytes of {@code data} from {@code offset}. */
  public static int of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return mask((int) crc.getValue());
  }

  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }
}
