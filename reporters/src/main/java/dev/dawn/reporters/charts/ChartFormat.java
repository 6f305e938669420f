package dev.dawn.reporters.charts;

/**
 * Output formats of every chart: PNG for people, SVG for the HTML report (sharp at any zoom,
 * inlined).
 */
public enum ChartFormat {
  PNG("png"),
  SVG("svg");

  private final String extension;

  ChartFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
