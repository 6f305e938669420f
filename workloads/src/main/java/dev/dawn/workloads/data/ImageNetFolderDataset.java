package dev.dawn.workloads.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * ImageNet in its usual folder layout. Training images live in {@code train/<wnid>/}. Validation
 * images live either in {@code val/<wnid>/} folders or flat in {@code val/} with labels from
 * Kaggle's {@code LOC_val_solution.csv} (header {@code ImageId,PredictionString}; the wnid is the
 * first token of PredictionString) or from a plain {@code val_labels.txt} ({@code <file> <wnid>}
 * per line), looked up in the root, in {@code val/}, then in up to three parent folders (Kaggle
 * keeps them above {@code ILSVRC/Data/CLS-LOC/}). Class index = position of the wnid in sorted
 * order. Readable names come from {@code synsets.txt} or {@code LOC_synset_mapping.txt} ({@code
 * <wnid> <name>} per line) when present, else the wnid itself.
 */
public final class ImageNetFolderDataset implements ImageDataset {
  private static final List<String> LABEL_CSV = List.of("LOC_val_solution.csv");
  private static final List<String> LABEL_LISTS = List.of("val_labels.txt");
  private static final List<String> SYNSET_FILES = List.of("synsets.txt", "LOC_synset_mapping.txt");

  private final Path root;
  private final List<String> wnids;
  private final List<String> classNames;
  private final List<ImageSource> train;
  private final List<ImageSource> validation;

  private ImageNetFolderDataset(
      Path root,
      List<String> wnids,
      List<String> classNames,
      List<ImageSource> train,
      List<ImageSource> validation) {
    this.root = root;
    this.wnids = wnids;
    this.classNames = classNames;
    this.train = train;
    this.validation = validation;
  }

  public static ImageNetFolderDataset open(Path root) throws IOException {
    return open(root, warning -> {});
  }

  /**
   * Opens the data set; {@code warnings} hears about class folders without images. Such a folder
   * stays a class (the labels of the others, and the model's class count, keep following the sorted
   * wnid list), but nothing teaches it.
   */
  public static ImageNetFolderDataset open(Path root, Consumer<String> warnings)
      throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DatasetException(
          root + ": data set root folder does not exist (expected train/ and val/ inside)");
    }
    Path trainDir =
        requireDir(root.resolve("train"), "training folder train/<wnid>/ of the ImageNet layout");
    Path valDir = requireDir(root.resolve("val"), "validation folder val/ of the ImageNet layout");
    List<String> wnids = subfolders(trainDir);
    if (wnids.isEmpty()) {
      throw new DatasetException(
          trainDir + ": no class folders (expected train/<wnid>/ folders with images)");
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < wnids.size(); i++) {
      index.put(wnids.get(i), i);
    }
    List<ImageSource> train = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (int i = 0; i < wnids.size(); i++) {
      List<Path> classImages = images(trainDir.resolve(wnids.get(i)));
      if (classImages.isEmpty()) {
        empty.add(wnids.get(i));
      }
      for (Path image : classImages) {
        train.add(new JpegFileSource(image, i));
      }
    }
    if (!empty.isEmpty()) {
      warnings.accept(
          "warning: "
              + trainDir.resolve(empty.get(0))
              + ": class folder has no images"
              + (empty.size() > 1
                  ? " (and "
                      + (empty.size() - 1)
                      + " more: "
                      + String.join(", ", empty.subList(1, Math.min(empty.size(), 6)))
                      + (empty.size() > 6 ? ", ..." : "")
                      + ")"
                  : "")
              + "; it stays one of the "
              + wnids.size()
              + " classes but no training image teaches it");
    }
    List<ImageSource> validation =
        subfolders(valDir).isEmpty()
            ? flatValidation(root, valDir, index)
            : folderValidation(valDir, index);
    return new ImageNetFolderDataset(
        root,
        List.copyOf(wnids),
        readableNames(root, wnids),
        List.copyOf(train),
        List.copyOf(validation));
  }

  private static List<ImageSource> folderValidation(Path valDir, Map<String, Integer> index)
      throws IOException {
    List<ImageSource> out = new ArrayList<>();
    for (String wnid : subfolders(valDir)) {
      Integer label = index.get(wnid);
      if (label == null) {
        throw new DatasetException(
            valDir.resolve(wnid)
                + ": validation class folder has no matching train/"
                + wnid
                + "/ folder (every validation wnid must be a training class)");
      }
      for (Path image : images(valDir.resolve(wnid))) {
        out.add(new JpegFileSource(image, label));
      }
    }
    return out;
  }

  private static List<ImageSource> flatValidation(
      Path root, Path valDir, Map<String, Integer> index) throws IOException {
    Path[] places = labelPlaces(root, valDir);
    Optional<Path> csv = findFirst(LABEL_CSV, places);
    Optional<Path> list = findFirst(LABEL_LISTS, places);
    if (csv.isEmpty() && list.isEmpty()) {
      throw new DatasetException(
          valDir
              + ": validation images are flat but no label file was found (expected "
              + "val/<wnid>/ folders, or LOC_val_solution.csv or val_labels.txt in "
              + root
              + ", "
              + valDir
              + " or up to three parent folders)");
    }
    Path labelFile = csv.isPresent() ? csv.get() : list.get();
    Map<String, String> labels =
        csv.isPresent() ? readKaggleCsv(labelFile) : readLabelList(labelFile);
    List<ImageSource> out = new ArrayList<>();
    for (Path image : images(valDir)) {
      String name = image.getFileName().toString();
      String wnid = labels.getOrDefault(name, labels.get(stripExtension(name)));
      if (wnid == null) {
        throw new DatasetException(image + ": validation image has no label in " + labelFile);
      }
      Integer label = index.get(wnid);
      if (label == null) {
        throw new DatasetException(
            labelFile
                + ": label "
                + wnid
                + " of "
                + name
                + " is not a training class (no train/"
                + wnid
                + "/ folder)");
      }
      out.add(new JpegFileSource(image, label));
    }
    return out;
  }

  private static Map<String, String> readKaggleCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()
        || !lines.get(0).strip().replace("\uFEFF", "").equals("ImageId,PredictionString")) {
      throw new DatasetException(file + ": line 1 must be the header ImageId,PredictionString");
    }
    Map<String, String> labels = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int comma = line.indexOf(',');
      String prediction = comma < 0 ? "" : line.substring(comma + 1).strip();
      if (comma <= 0 || prediction.isEmpty()) {
        throw new DatasetException(
            file
                + ": line "
                + (i + 1)
                + " must be <ImageId>,<wnid> [box...] but is \""
                + line
                + "\"");
      }
      labels.put(line.substring(0, comma).strip(), prediction.split("\\s+")[0]);
    }
    return labels;
  }

  private static Map<String, String> readLabelList(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("[\\s,]+");
      if (parts.length != 2) {
        throw new DatasetException(
            file + ": line " + (i + 1) + " must be \"<file> <wnid>\" but is \"" + line + "\"");
      }
      labels.put(parts[0], parts[1]);
    }
    return labels;
  }

  private static List<String> readableNames(Path root, List<String> wnids) throws IOException {
    Map<String, String> names = new HashMap<>();
    Optional<Path> synsets = findFirst(SYNSET_FILES, labelPlaces(root, root));
    if (synsets.isPresent()) {
      for (String line : Files.readAllLines(synsets.get(), StandardCharsets.UTF_8)) {
        String s = line.strip();
        int space = s.indexOf(' ');
        if (space > 0) {
          names.put(s.substring(0, space), s.substring(space + 1).strip());
        }
      }
    }
    return wnids.stream().map(w -> names.getOrDefault(w, w)).toList();
  }

  /**
   * Where label files may sit: the root, val/, and up to three ancestors, because Kaggle's download
   * keeps the CSVs at the top while the images are in ILSVRC/Data/CLS-LOC/{train,val}.
   */
  private static Path[] labelPlaces(Path root, Path valDir) {
    List<Path> places = new ArrayList<>(List.of(root, valDir));
    Path up = root.toAbsolutePath().getParent();
    for (int i = 0; i < 3 && up != null; i++, up = up.getParent()) {
      places.add(up);
    }
    return places.toArray(Path[]::new);
  }

  private static Optional<Path> findFirst(List<String> fileNames, Path... dirs) {
    for (String name : fileNames) {
      for (Path dir : dirs) {
        if (Files.isRegularFile(dir.resolve(name))) {
          return Optional.of(dir.resolve(name));
        }
      }
    }
    return Optional.empty();
  }

  private static Path requireDir(Path dir, String what) throws DatasetException {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir + ": missing " + what);
    }
    return dir;
  }

  private static List<String> subfolders(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  private static List<Path> images(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isRegularFile)
          .filter(ImageNetFolderDataset::isImage)
          .sorted()
          .toList();
    }
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jpeg") || n.endsWith(".jpg") || n.endsWith(".png");
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  public Path root() {
    return root;
  }

  /** WordNet ids in label order. */
  List<String> wnids() {
    return wnids;
  }

  @Override
  public String name() {
    return root.getFileName() == null ? root.toString() : root.getFileName().toString();
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public List<ImageSource> train() {
    return train;
  }

  @Override
  public List<ImageSource> validation() {
    return validation;
  }
}
