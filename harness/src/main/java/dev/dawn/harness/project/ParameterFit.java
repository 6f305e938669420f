package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calibrates the free parameters a device file and a network file name ({@code fit.parameters}, at
 * most two together) on the published entries they name ({@code fit.entries}) that ran on that
 * device and network: the values that minimise the sum over those entries of log(projected /
 * published)^2, found by a grid ({@link FitGrid}) refined twice around the best point. Values the
 * files' rules refuse are skipped.
 */
public final class ParameterFit {
  /**
   * The fitted values, in {@code fit.parameters} order (device file first), and the check rows they
   * give on the fitted entries.
   */
  public record Result(Map<String, Double> values, List<PublishedCheck.Row> rows) {}

  private final PublishedCheck check;
  private final List<Long> gradientElements;

  public ParameterFit(PublishedCheck check, List<Long> gradientElements) {
    this.check = check;
    this.gradientElements = gradientElements;
  }

  public Result fit(ProjectionFile<HardwareSpec> device, ProjectionFile<NetworkSpec> network) {
    List<String> params = new ArrayList<>(device.spec().fit().parameters());
    params.addAll(network.spec().fit().parameters());
    Set<String> named = new LinkedHashSet<>(device.spec().fit().entries());
    named.addAll(network.spec().fit().entries());
    List<PublishedEntry> entries =
        PublishedEntry.MULTI_MACHINE.stream()
            .filter(e -> named.contains(e.file()))
            .filter(e -> e.hardware().equals(device.stem()) && e.network().equals(network.stem()))
            .toList();
    if (params.isEmpty() || params.size() > 2 || entries.isEmpty()) {
      throw new IllegalArgumentException(
          device.source()
              + " and "
              + network.source()
              + ": their fit.parameters must name one or two parameters ("
              + params
              + ") and their fit.entries an entry that ran on both ("
              + named
              + ")");
    }
    double[] best =
        FitGrid.minimise(
            params,
            point -> {
              try {
                return cost(device, network, params, point, entries);
              } catch (ProjectionFileException outOfRange) {
                return Double.POSITIVE_INFINITY;
              }
            },
            device.source() + " and " + network.source());
    var d = apply(device, params, best);
    var n = apply(network, params, best);
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) values.put(params.get(i), best[i]);
    List<PublishedCheck.Row> rows = new ArrayList<>();
    for (PublishedEntry e : entries)
      rows.add(check.project(e, gradientElements, check.files(e, d, n)));
    return new Result(values, rows);
  }

  private double cost(
      ProjectionFile<HardwareSpec> device,
      ProjectionFile<NetworkSpec> network,
      List<String> params,
      double[] point,
      List<PublishedEntry> entries) {
    var d = apply(device, params, point);
    var n = apply(network, params, point);
    double sum = 0;
    for (PublishedEntry e : entries) {
      PublishedCheck.Row row = check.project(e, gradientElements, check.files(e, d, n));
      double err = Math.log(row.projectedHours() / row.publishedHours());
      sum += err * err;
    }
    return sum;
  }

  /** {@code file} with the values of the parameters that are its own keys. */
  static <T> ProjectionFile<T> apply(ProjectionFile<T> file, List<String> params, double[] point) {
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (file.hasNumber(params.get(i))) overrides.add(params.get(i) + "=" + point[i]);
    }
    return file.with(overrides);
  }
}
