package dev.dawn.workloads.data;

/**
 * An image left out because it could not be decoded whole.
 *
 * @param id the image's path (or file and record number), as {@link ImageSource#id()} says
 * @param reason why, in the decoder's words, without the path
 */
public record SkippedImage(String id, String reason) {
  /** The image of {@code id} and why {@code failure} stopped its decode. */
  static SkippedImage of(String id, Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) message = failure.getClass().getSimpleName();
    String reason = message.startsWith(id + ": ") ? message.substring(id.length() + 2) : message;
    return new SkippedImage(id, reason.lines().findFirst().orElse(reason).strip());
  }
}
