package dev.dawn.workloads.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An image file on disk (JPEG, or any format ImageIO reads) with its label. */
public record JpegFileSource(Path file, int label) implements ImageSource {
  @Override
  public String id() {
    return file.toString();
  }

  @Override
  public DecodedImage decode() throws IOException {
    return JpegCodec.decode(Files.readAllBytes(file), file.toString());
  }
}
