package dev.dawn.workloads.data;

import java.io.IOException;

/**
 * A data set on disk does not have the layout or format its reader expects. Checked (an {@link
 * IOException}) because it is about files the user supplied; the message names the path and what
 * was expected.
 */
public class DatasetException extends IOException {
  public DatasetException(String message) {
    super(message);
  }
}
