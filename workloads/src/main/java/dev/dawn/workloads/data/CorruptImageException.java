package dev.dawn.workloads.data;

/**
 * An image file that cannot be decoded whole (not an image, truncated, corrupt data, or a size
 * above {@link JpegCodec#MAX_PIXELS}); the message starts with the file. The input pipeline skips
 * and counts it; where every image must count it is bad input.
 */
public final class CorruptImageException extends DatasetException {
  public CorruptImageException(String message) {
    super(message);
  }

  public CorruptImageException(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
