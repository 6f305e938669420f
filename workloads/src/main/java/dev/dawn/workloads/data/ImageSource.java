package dev.dawn.workloads.data;

import java.io.IOException;

/** One labelled image of a data set, decoded on demand. */
public interface ImageSource {
  /**
   * Stable identifier (file path, or file and record number), used in error messages and skip
   * lists.
   */
  String id();

  /** Class index into {@link ImageDataset#classNames()}. */
  int label();

  /** Decodes the pixels; throws when the image is unreadable or corrupt. */
  DecodedImage decode() throws IOException;
}
