package dev.dawn.workloads.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates the embedded ImageNet-like data set as real JPEG files in ImageNet's folder layout:
 * {@code train/<wnid>/<wnid>_<n>.JPEG}, {@code val/<wnid>/<wnid>_<n>.JPEG}, {@code synsets.txt} and
 * {@code manifest.json}. Each class is a shape x texture pair ({@link SyntheticClass}); colours,
 * position, scale, rotation and clutter are random per image, so a CNN must look at shape and
 * texture while pixel statistics say little. Every image's RNG is derived from (seed, split, class,
 * index), so the bytes do not depend on thread count. A folder is reused when its manifest matches
 * the spec and all images are present; otherwise its train/, val/ are regenerated, but only if this
 * generator wrote them (manifest or {@code .dawn-synthetic} marker present).
 */
public final class SyntheticImageNet {
  static final float JPEG_QUALITY = 0.92f;
  private static final String[] SPLITS = {"train", "val"};
  static final String OWNER_MARKER = ".dawn-synthetic";

  private SyntheticImageNet() {}

  /**
   * Where the set was written, and whether an existing matching folder was reused instead of
   * regenerated.
   */
  public record GenerationResult(
      Path root, SyntheticSpec spec, boolean reused, int files, String contentHash) {}

  /** Generates on all available cores. */
  public static GenerationResult generate(SyntheticSpec spec, Path outputRoot) throws IOException {
    return generate(spec, outputRoot, Runtime.getRuntime().availableProcessors());
  }

  public static GenerationResult generate(SyntheticSpec spec, Path outputRoot, int threads)
      throws IOException {
    Optional<SyntheticManifest> existing = SyntheticManifest.read(outputRoot);
    if (existing.isPresent()
        && existing.get().spec().equals(spec)
        && existing.get().generator().equals(SyntheticManifest.GENERATOR)
        && countImages(outputRoot) == existing.get().files()) {
      return new GenerationResult(
          outputRoot, spec, true, existing.get().files(), existing.get().contentHash());
    }
    refuseForeignContent(outputRoot, existing.isPresent());
    clearGeneratedContent(outputRoot);
    Files.createDirectories(outputRoot);
    // Marks the folder as ours before any image exists, so an interrupted run can be regenerated
    // later.
    Files.writeString(
        outputRoot.resolve(OWNER_MARKER),
        SyntheticManifest.GENERATOR + "\n",
        StandardCharsets.UTF_8);
    writeSynsets(spec, outputRoot);
    for (String split : SPLITS) {
      for (int c = 0; c < spec.classes(); c++) {
        Files.createDirectories(outputRoot.resolve(split).resolve(SyntheticClass.of(c).wnid()));
      }
    }
    byte[][] digests = new byte[spec.imageCount()][];
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(
              () ->
                  IntStream.range(0, digests.length)
                      .parallel()
                      .forEach(i -> digests[i] = writeImage(spec, outputRoot, i)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating " + outputRoot, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException("generating " + outputRoot + " failed: " + cause, cause);
    } finally {
      pool.shutdown();
    }
    MessageDigest all = sha256();
    for (byte[] d : digests) {
      all.update(d);
    }
    String contentHash = HexFormat.of().formatHex(all.digest());
    new SyntheticManifest(spec, SyntheticManifest.GENERATOR, digests.length, contentHash)
        .write(outputRoot);
    return new GenerationResult(outputRoot, spec, false, digests.length, contentHash);
  }

  /**
   * Renders image {@code i} of the flat order (train class-major, then val) and returns its
   * SHA-256.
   */
  private static byte[] writeImage(SyntheticSpec spec, Path root, int i) {
    int trainCount = spec.classes() * spec.trainPerClass();
    int splitIndex = i < trainCount ? 0 : 1;
    int local = splitIndex == 0 ? i : i - trainCount;
    int perClass = splitIndex == 0 ? spec.trainPerClass() : spec.valPerClass();
    int cls = local / perClass;
    int n = local % perClass;
    SyntheticClass synthetic = SyntheticClass.of(cls);
    SplittableRandom rng = new SplittableRandom(SeedMixer.derive(spec.seed(), splitIndex, cls, n));
    try {
      byte[] jpeg =
          JpegCodec.encode(
              SyntheticImagePainter.paint(synthetic, spec.imageSize(), spec.preset(), rng),
              JPEG_QUALITY);
      String wnid = synthetic.wnid();
      Files.write(
          root.resolve(SPLITS[splitIndex]).resolve(wnid).resolve(wnid + "_" + n + ".JPEG"), jpeg);
      return sha256().digest(jpeg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSynsets(SyntheticSpec spec, Path root) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < spec.classes(); c++) {
      SyntheticClass synthetic = SyntheticClass.of(c);
      sb.append(synthetic.wnid()).append(' ').append(synthetic.readableName()).append('\n');
    }
    Files.writeString(root.resolve("synsets.txt"), sb.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Regeneration deletes train/ and val/; never do that to a folder this generator did not write
   * (say a real ImageNet copy passed by mistake).
   */
  private static void refuseForeignContent(Path root, boolean hasManifest) throws IOException {
    if (hasManifest || Files.isRegularFile(root.resolve(OWNER_MARKER))) {
      return;
    }
    for (String split : SPLITS) {
      Path dir = root.resolve(split);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> children = Files.list(dir)) {
          if (children.findAny().isPresent()) {
            throw new DatasetException(
                dir
                    + ": refusing to overwrite a non-empty folder that has no "
                    + SyntheticManifest.FILE_NAME
                    + " or "
                    + OWNER_MARKER
                    + " from the synthetic generator");
          }
        }
      }
    }
  }

  /** Deletes only what this generator writes, never anything else a user keeps in the folder. */
  private static void clearGeneratedContent(Path root) throws IOException {
    Files.deleteIfExists(root.resolve(SyntheticManifest.FILE_NAME));
    Files.deleteIfExists(root.resolve("synsets.txt"));
    for (String split : SPLITS) {
      Path dir = root.resolve(split);
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  private static int countImages(Path root) throws IOException {
    int count = 0;
    for (String split : SPLITS) {
      Path dir = root.resolve(split);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          count += (int) paths.filter(p -> p.getFileName().toString().endsWith(".JPEG")).count();
        }
      }
    }
    return count;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE ships SHA-256", e);
    }
  }
}
