package dev.dawn.reporters.compare;

/** What {@code dawn compare} compares, and which direction is better. */
public enum CompareMetric {
  TIME_TO_TARGET("time to target", true),
  EPOCHS_TO_TARGET("epochs to target", true),
  IMAGES_PER_SECOND("images/s", false),
  /** The highest value of the target's metric a run evaluated, reached or not. */
  BEST_ACCURACY("best accuracy", false);

  private final String label;
  private final boolean lowerIsBetter;

  CompareMetric(String label, boolean lowerIsBetter) {
    this.label = label;
    this.lowerIsBetter = lowerIsBetter;
  }

  public String label() {
    return label;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }
}
