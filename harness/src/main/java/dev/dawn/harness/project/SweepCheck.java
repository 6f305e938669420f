package dev.dawn.harness.project;

import dev.dawn.reporters.compare.CellSelector;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The step model held against a sweep of {@code dawn launch} runs ({@code dawn project check
 * --sweep}): every cell is projected from a device file (this machine's measured images/s, carried
 * to the cell's network by multiply-adds per image and shared by the launch's workers, which run on
 * the same cores) and a network file (the cell's {@code distributed.network} sets the rate;
 * loopback has no rate, only its per-message cost). The parameters the two files name in {@code
 * fit.parameters} are fitted on the cells the network file's {@code fit.cells} select, and only the
 * other cells are checked: the device's on the measured compute per step, the network's on the
 * measured exposed communication per step. Epochs to the target are not the model's to predict
 * (neither the threshold nor the link changes what is computed): a checked cell takes the median of
 * the fit cells that train the same recipe on as many workers.
 */
public final class SweepCheck {
  /**
   * One cell, measured and projected.
   *
   * @param fitted whether the fit used this cell
   * @param computeMs projected compute per step (ms), mean over the epochs trained
   * @param exposedMs projected exposed communication per step (ms), mean over those epochs
   * @param seconds projected training seconds to the target; null when no fit cell gives the epochs
   */
  public record Row(
      MeasuredCell cell, boolean fitted, double computeMs, double exposedMs, Double seconds) {

    /** Measured minus projected exposed communication, ms; empty without a measurement. */
    OptionalDouble exposedError() {
      return cell.exposedMs() == null
          ? OptionalDouble.empty()
          : OptionalDouble.of(exposedMs - cell.exposedMs());
    }

    /** (projected - measured) / measured time to target; empty without both. */
    public OptionalDouble secondsRelativeError() {
      return cell.seconds() == null || seconds == null
          ? OptionalDouble.empty()
          : OptionalDouble.of(seconds / cell.seconds() - 1);
    }
  }

  /**
   * The check.
   *
   * @param fitted each fitted parameter's value, device file's first
   * @param rows every cell, in sweep order
   */
  public record Result(Map<String, Double> fitted, List<String> fitCells, List<Row> rows) {
    /** Mean |projected - measured| exposed communication per step (ms) over the checked cells. */
    public OptionalDouble exposedMeanAbsoluteErrorMs() {
      return checked(
          r -> r.exposedError().isPresent(), r -> Math.abs(r.exposedError().getAsDouble()));
    }

    /** Mean |projected - measured| time to target (s) over the checked cells that have both. */
    public OptionalDouble secondsMeanAbsoluteError() {
      return checked(
          r -> r.secondsRelativeError().isPresent(),
          r -> Math.abs(r.seconds() - r.cell().seconds()));
    }

    /** Mean |projected / measured - 1| time to target over the checked cells that have both. */
    public OptionalDouble secondsMeanAbsoluteRelativeError() {
      return checked(
          r -> r.secondsRelativeError().isPresent(),
          r -> Math.abs(r.secondsRelativeError().getAsDouble()));
    }

    public long checkedCount() {
      return rows.stream().filter(r -> !r.fitted()).count();
    }

    private OptionalDouble checked(Predicate<Row> has, ToDoubleFunction<Row> value) {
      return rows.stream().filter(r -> !r.fitted()).filter(has).mapToDouble(value).average();
    }
  }

  private final ProjectionFile<HardwareSpec> device;
  private final ProjectionFile<NetworkSpec> network;
  private final SoftwareStack stack;
  private final Map<ModelSpec, List<Long>> gradients = new HashMap<>();

  /**
   * @param deviceStack the stack the device's images/s were measured with, which the runs train
   *     with too
   */
  public SweepCheck(
      ProjectionFile<HardwareSpec> device,
      ProjectionFile<NetworkSpec> network,
      StackSpec deviceStack) {
    this.device = device;
    this.network = network;
    this.stack = SoftwareStack.on(deviceStack, deviceStack);
  }

  public Result run(List<MeasuredCell> cells) {
    List<String> selectors = network.spec().fit().cells();
    List<CellSelector> select =
        selectors.stream()
            .map(s -> CellSelector.parse(s, network.source() + ": fit.cells"))
            .toList();
    List<MeasuredCell> fit =
        cells.stream().filter(c -> select.stream().anyMatch(s -> s.matches(c.values()))).toList();
    if (fit.isEmpty() || fit.size() == cells.size()) {
      throw new IllegalArgumentException(
          network.source()
              + ": fit.cells "
              + selectors
              + " select "
              + fit.size()
              + " of the sweep's "
              + cells.size()
              + " cells; a check needs cells to fit on and others to check");
    }
    Map<String, Double> fitted = new LinkedHashMap<>();
    List<String> deviceParams = device.spec().fit().parameters();
    ProjectionFile<HardwareSpec> dev = device;
    if (!deviceParams.isEmpty()) {
      var withCompute = fit.stream().filter(c -> c.computeMs() != null).toList();
      requireMeasured(withCompute, "compute per step", deviceParams);
      double[] best =
          FitGrid.minimise(
              deviceParams,
              point -> logError(withCompute, ParameterFit.apply(device, deviceParams, point)),
              device.source());
      dev = ParameterFit.apply(device, deviceParams, best);
      for (int i = 0; i < best.length; i++) fitted.put(deviceParams.get(i), best[i]);
    }
    List<String> netParams = network.spec().fit().parameters();
    ProjectionFile<NetworkSpec> net = network;
    if (!netParams.isEmpty()) {
      ProjectionFile<HardwareSpec> fittedDevice = dev;
      var withExposed = fit.stream().filter(c -> c.exposedMs() != null).toList();
      requireMeasured(withExposed, "exposed communication per step", netParams);
      double[] best =
          FitGrid.minimise(
              netParams,
              point -> {
                try {
                  var candidate = ParameterFit.apply(network, netParams, point);
                  return squaredError(withExposed, fittedDevice, candidate);
                } catch (ProjectionFileException refused) {
                  return Double.POSITIVE_INFINITY;
                }
              },
              network.source());
      net = ParameterFit.apply(network, netParams, best);
      for (int i = 0; i < best.length; i++) fitted.put(netParams.get(i), best[i]);
    }
    List<Row> rows = new ArrayList<>();
    for (MeasuredCell c : cells) {
      boolean isFit = fit.contains(c);
      Double epochs = isFit ? c.targetEpoch() : epochsFrom(fit, c);
      rows.add(project(c, isFit, dev, net, epochs));
    }
    return new Result(fitted, selectors, rows);
  }

  private static void requireMeasured(List<MeasuredCell> cells, String what, List<String> params) {
    if (cells.isEmpty())
      throw new IllegalArgumentException(
          "no fit cell measured its " + what + ", which " + params + " are fitted on");
  }

  private double logError(List<MeasuredCell> cells, ProjectionFile<HardwareSpec> dev) {
    double sum = 0;
    for (MeasuredCell c : cells) {
      double err = Math.log(project(c, true, dev, network, null).computeMs() / c.computeMs());
      sum += err * err;
    }
    return sum;
  }

  private double squaredError(
      List<MeasuredCell> cells, ProjectionFile<HardwareSpec> dev, ProjectionFile<NetworkSpec> net) {
    double sum = 0;
    for (MeasuredCell c : cells) {
      double err = project(c, true, dev, net, null).exposedMs() - c.exposedMs();
      sum += err * err;
    }
    return sum;
  }

  /**
   * The median epochs to target of the fit cells that train {@code c}'s recipe and model on as many
   * workers; null when none reached it.
   */
  private static Double epochsFrom(List<MeasuredCell> fit, MeasuredCell c) {
    double[] epochs =
        fit.stream()
            .filter(f -> f.targetEpoch() != null)
            .filter(f -> f.workers() == c.workers() && f.model().equals(c.model()))
            .filter(f -> f.plan().epochs().equals(c.plan().epochs()))
            .filter(f -> f.plan().trainImages() == c.plan().trainImages())
            .mapToDouble(MeasuredCell::targetEpoch)
            .sorted()
            .toArray();
    if (epochs.length == 0) return null;
    int m = epochs.length / 2;
    return epochs.length % 2 == 1 ? epochs[m] : (epochs[m - 1] + epochs[m]) / 2;
  }

  /** {@code c} on {@code dev} and {@code net}, to {@code epochs} (all planned when null). */
  private Row project(
      MeasuredCell c,
      boolean isFit,
      ProjectionFile<HardwareSpec> dev,
      ProjectionFile<NetworkSpec> net,
      Double epochs) {
    // The workers of one launch share this machine's cores: each gets its share of the machine's
    // images/s, carried to the cell's network.
    HardwareSpec own = dev.spec();
    HardwareSpec.Device d = own.device();
    HardwareSpec hw =
        new HardwareSpec(
            own.name(),
            new HardwareSpec.Device(
                d.model(),
                ModelArithmetic.imagesPerSecond(d, c.model()) / c.workers(),
                d.referenceResolution(),
                d.referenceBatch(),
                d.pixelExponent(),
                d.halfSpeedBatch(),
                d.stepOverheadSeconds(),
                d.backwardShare(),
                d.stack(),
                d.efficiency()),
            own.node(),
            own.input(),
            own.fit());
    NetworkSpec n = net.spec();
    double gbps = c.link().isLoopback() ? Double.POSITIVE_INFINITY : c.link().bitsPerSecond() / 1e9;
    NetworkSpec cellNet =
        new NetworkSpec(
            n.name(),
            new NetworkSpec.Network(gbps, n.network().efficiency(), n.network().latencySeconds()),
            n.communication(),
            n.fit());
    List<Long> elements = gradients.computeIfAbsent(c.model(), ModelGradients::elementCounts);
    StepModel model =
        new StepModel(hw, cellNet, stack, c.workers(), elements, c.fusionThresholdBytes());
    int whole = epochs == null ? c.plan().epochs().size() : (int) Math.ceil(epochs);
    whole = Math.max(1, Math.min(whole, c.plan().epochs().size()));
    Projection p = Projection.of(c.plan(), model, hw.name(), c.workers(), whole);
    double compute = 0;
    double exposed = 0;
    long steps = 0;
    for (EpochProjection e : p.epochs()) {
      compute += e.computeHours();
      exposed += e.communicationHours();
      steps += e.steps();
    }
    Double seconds = null;
    if (epochs != null) {
      EpochProjection last = p.epochs().get(p.epochs().size() - 1);
      // a target reached within an epoch counts that epoch's share of steps
      double share = epochs - (whole - 1);
      seconds = (last.cumulativeHours() - last.hours() * (1 - share)) * 3600;
    }
    return new Row(c, isFit, compute * 3.6e6 / steps, exposed * 3.6e6 / steps, seconds);
  }
}
