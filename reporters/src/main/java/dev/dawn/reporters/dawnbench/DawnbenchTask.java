package dev.dawn.reporters.dawnbench;

import dev.dawn.reporters.events.DawnbenchTaskFacts;
import dev.dawn.reporters.events.MlLogKeys;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a run is a DAWNBench entry, decided from the data it ran on (the one place this rule
 * lives). DAWNBench compares runs on the same task, so a run is an entry only on the real data set,
 * whole:
 *
 * <ul>
 *   <li>ImageNet: {@code data.kind} imagenet, 1000 classes, and all 50,000 validation images
 *       evaluated, or the 48,238 left without the 1,762 images of the ILSVRC 2014 validation
 *       blacklist when the run declares {@code usedBlacklist: false} (DAWNBench allows either,
 *       declared);
 *   <li>CIFAR10: {@code data.kind} cifar10, 10 classes, and all 10,000 test images evaluated.
 * </ul>
 *
 * Anything else is not an entry: the embedded synthetic set, fewer classes, a smaller validation
 * split, an inference run limited to some images ({@code dawn infer --limit}), and a training run
 * that starts from trained weights (its clock leaves out the training it started from). The verdict
 * is logged as the {@value #EVENT} event, so that submitting, ranking and validating derive it from
 * the event log.
 *
 * @param dataset the DAWNBench data set, or null when the run is not an entry
 * @param reason why the run is not an entry; null for an entry
 * @param facts what the verdict was decided from, as logged
 */
public record DawnbenchTask(Dataset dataset, String reason, Facts facts) {
  /** The event key of the verdict ({@link DawnbenchTaskFacts}). */
  public static final String EVENT = MlLogKeys.DAWNBENCH_TASK;

  /**
   * The {@code misc} key that marks a submission JSON written for a run that is not an entry; its
   * value is the reason. {@code dawn validate} and {@code dawn leaderboard} refuse a file carrying
   * it.
   */
  public static final String NOT_AN_ENTRY_MARK = "notDawnbenchEntry";

  public static final int IMAGENET_CLASSES = 1000;
  public static final int IMAGENET_VALIDATION_IMAGES = 50_000;

  /** The ILSVRC 2014 devkit's blacklisted validation images. */
  public static final int IMAGENET_BLACKLISTED_IMAGES = 1_762;

  public static final int CIFAR10_CLASSES = 10;
  public static final int CIFAR10_TEST_IMAGES = 10_000;

  /**
   * What a run ran on.
   *
   * @param dataKind {@code data.kind}: imagenet, cifar10 or synthetic
   * @param classes number of classes in the data
   * @param validationImages images in the validation (test) split on disk
   * @param evaluatedImages images each evaluation counts (fewer than the split with {@code
   *     --limit})
   * @param initWeights the weights a training run started from, null when trained from scratch
   * @param usedBlacklist the run's {@code usedBlacklist} declaration: true = the blacklisted
   *     ImageNet validation images were evaluated, false = left out, null = not declared
   */
  public record Facts(
      String dataKind,
      int classes,
      int validationImages,
      int evaluatedImages,
      String initWeights,
      Boolean usedBlacklist) {
    /** Facts without a blacklist declaration. */
    public Facts(
        String dataKind,
        int classes,
        int validationImages,
        int evaluatedImages,
        String initWeights) {
      this(dataKind, classes, validationImages, evaluatedImages, initWeights, null);
    }
  }

  public DawnbenchTask {
    if ((dataset == null) == (reason == null)) {
      throw new IllegalArgumentException(
          "a DAWNBench task verdict has either a data set or a reason, not both");
    }
  }

  /** The verdict for a run on these facts. */
  public static DawnbenchTask judge(Facts f) {
    if (f.initWeights() != null) {
      return no(
          f,
          "it started from trained weights ("
              + f.initWeights()
              + "), so its time is not an end-to-end"
              + " time to accuracy");
    }
    String kind = f.dataKind() == null ? "" : f.dataKind().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "imagenet" ->
          whole(f, Dataset.IMAGENET, IMAGENET_CLASSES, imagenetImages(f), "validation");
      case "cifar10" -> whole(f, Dataset.CIFAR10, CIFAR10_CLASSES, CIFAR10_TEST_IMAGES, "test");
      case "synthetic" ->
          no(f, "it ran on the embedded synthetic data set, not on ImageNet or CIFAR10");
      default -> no(f, "data.kind '" + f.dataKind() + "' is no DAWNBench data set");
    };
  }

  /** 50,000, or 48,238 when the run declares it left the blacklisted images out. */
  private static int imagenetImages(Facts f) {
    boolean without = Boolean.FALSE.equals(f.usedBlacklist());
    return IMAGENET_VALIDATION_IMAGES - (without ? IMAGENET_BLACKLISTED_IMAGES : 0);
  }

  private static DawnbenchTask whole(Facts f, Dataset d, int classes, int images, String split) {
    if (f.classes() != classes) {
      return no(f, d + " needs all " + classes + " classes; the data has " + f.classes());
    }
    if (f.validationImages() != images) {
      String blacklist =
          d != Dataset.IMAGENET
              ? ""
              : Boolean.FALSE.equals(f.usedBlacklist())
                  ? " (usedBlacklist false: without the "
                      + count(IMAGENET_BLACKLISTED_IMAGES)
                      + " blacklisted images)"
                  : f.validationImages() == IMAGENET_VALIDATION_IMAGES - IMAGENET_BLACKLISTED_IMAGES
                      ? " (a set without the blacklisted images needs submission.usedBlacklist: false)"
                      : "";
      return no(
          f,
          d
              + " needs the full "
              + split
              + " set of "
              + count(images)
              + " images"
              + blacklist
              + "; the data has "
              + count(f.validationImages()));
    }
    if (f.evaluatedImages() != images) {
      return no(
          f,
          "it evaluated "
              + count(f.evaluatedImages())
              + " of the "
              + count(images)
              + " "
              + d
              + " "
              + split
              + " images (a limited run); DAWNBench counts every one");
    }
    return new DawnbenchTask(d, null, f);
  }

  private static DawnbenchTask no(Facts f, String reason) {
    return new DawnbenchTask(null, reason, f);
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  public boolean isEntry() {
    return dataset != null;
  }

  /**
   * One line for users: {@code ImageNet DAWNBench entry} or {@code not a DAWNBench entry:
   * <reason>}.
   */
  public String describe() {
    return isEntry() ? dataset + " DAWNBench entry" : "not a DAWNBench entry: " + reason;
  }

  /** The {@value #EVENT} event of this verdict. */
  public DawnbenchTaskFacts event() {
    return new DawnbenchTaskFacts(
        isEntry(),
        isEntry() ? dataset.folderName() : null,
        reason,
        facts.dataKind(),
        facts.classes(),
        facts.validationImages(),
        facts.evaluatedImages(),
        facts.initWeights(),
        facts.usedBlacklist());
  }

  /**
   * Reads the verdict back from a {@value #EVENT} event. The logged facts are judged again with
   * today's rule, so a log written before a rule change cannot vouch for itself.
   */
  public static DawnbenchTask fromEvent(DawnbenchTaskFacts e) {
    return judge(
        new Facts(
            e.dataKind(),
            e.classes(),
            e.validationImages(),
            e.evaluatedImages(),
            e.initWeights(),
            e.usedBlacklist()));
  }

  /**
   * The verdict of a log that has no {@value #EVENT} event (written before dawn checked the task).
   */
  public static DawnbenchTask unknown() {
    return new DawnbenchTask(
        null,
        "its event log has no "
            + EVENT
            + " event (recorded before dawn checked what"
            + " data a run used); re-run it to make an entry",
        new Facts(null, 0, 0, 0, null));
  }

  /**
   * {@code misc} for the run's submission JSON: as given, plus {@value #NOT_AN_ENTRY_MARK} when not
   * an entry.
   */
  public Map<String, Object> markMisc(Map<String, Object> misc) {
    if (isEntry()) {
      return misc;
    }
    Map<String, Object> marked = new LinkedHashMap<>(misc);
    marked.put(NOT_AN_ENTRY_MARK, reason);
    return marked;
  }

  /**
   * What a submission JSON says about being no entry: the {@value #NOT_AN_ENTRY_MARK} mark in
   * {@code misc}, or, in files dawn wrote before the mark existed, {@code misc.dataset:
   * "synthetic"} (dawn records its data kind there).
   */
  public static Optional<Problem> problemIn(Submission s) {
    var misc = s.root().get("misc");
    if (misc == null || !misc.isObject()) {
      return Optional.empty();
    }
    var mark = misc.get(NOT_AN_ENTRY_MARK);
    if (mark != null) {
      return Optional.of(
          new Problem(
              s.file(),
              "misc." + NOT_AN_ENTRY_MARK,
              "written for a run that is not a"
                  + " DAWNBench entry: "
                  + (mark.isTextual() ? mark.asText() : mark.toString())));
    }
    var dataset = misc.get("dataset");
    if (dataset != null && dataset.isTextual() && "synthetic".equalsIgnoreCase(dataset.asText())) {
      return Optional.of(
          new Problem(
              s.file(),
              "misc.dataset",
              "a run on the embedded synthetic data set is not a" + " DAWNBench entry"));
    }
    return Optional.empty();
  }
}
