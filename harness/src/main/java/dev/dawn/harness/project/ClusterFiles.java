package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one projection is made of: a device file, a network file and a software stack file (with the
 * stack the device's figure was measured with), and the devices it might also have been (an entry
 * that does not publish its GPU's memory size). {@link #corners} lists every combination of the
 * ends of the files' {@link FigureRange}s and of those devices: the projection is monotone in each
 * figure (a faster device, link or stack never makes it slower), so its lowest and highest values
 * over the corners bound it over the whole box ({@link Band}).
 *
 * @param device the device file, central
 * @param deviceStack the stack the device's images/s were measured with
 * @param network the network file
 * @param stack the stack the projection trains with
 * @param otherDevices devices the entry may also have run on, each with its own device stack
 */
public record ClusterFiles(
    ProjectionFile<HardwareSpec> device,
    StackSpec deviceStack,
    ProjectionFile<NetworkSpec> network,
    ProjectionFile<StackSpec> stack,
    List<ClusterFiles> otherDevices) {

  public ClusterFiles {
    otherDevices = List.copyOf(otherDevices);
  }

  /** The same files without other devices. */
  public ClusterFiles(
      ProjectionFile<HardwareSpec> device,
      StackSpec deviceStack,
      ProjectionFile<NetworkSpec> network,
      ProjectionFile<StackSpec> stack) {
    this(device, deviceStack, network, stack, List.of());
  }

  /** The stack with its speed relative to the device's figure's stack. */
  public SoftwareStack software() {
    return SoftwareStack.on(stack.spec(), deviceStack);
  }

  /** The step model of these files on {@code devices} devices. */
  public StepModel model(int devices, List<Long> gradientElements, long fusionThresholdBytes) {
    return new StepModel(
        device.spec(), network.spec(), software(), devices, gradientElements, fusionThresholdBytes);
  }

  /** Whether any figure is a range or the device is one of several. */
  public boolean open() {
    return !otherDevices.isEmpty()
        || !device.ranges().isEmpty()
        || !network.ranges().isEmpty()
        || !stack.ranges().isEmpty();
  }

  /**
   * Every device (this one, then the others) with every combination of the low and high ends of the
   * ranges of its device file, the network file and the stack file; just these files when nothing
   * is open.
   */
  public List<ClusterFiles> corners() {
    List<ClusterFiles> out = new ArrayList<>();
    List<ClusterFiles> devices = new ArrayList<>(List.of(withoutOthers()));
    devices.addAll(otherDevices);
    for (ClusterFiles d : devices) {
      for (var dev : ends(d.device)) {
        for (var net : ends(network)) {
          for (var st : ends(stack)) out.add(new ClusterFiles(dev, d.deviceStack, net, st));
        }
      }
    }
    return out;
  }

  /**
   * What is open, for the band's line: each range ({@code network.gigabitsPerSecond 56-400}) and
   * the devices ({@code device v100-16gb|v100-32gb}).
   */
  public String openFigures() {
    List<String> parts = new ArrayList<>();
    if (!otherDevices.isEmpty()) {
      List<String> names = new ArrayList<>(List.of(device.stem()));
      otherDevices.forEach(d -> names.add(d.device.stem()));
      parts.add("device " + String.join("|", names));
    }
    for (var file : List.of(device.ranges(), network.ranges(), stack.ranges())) {
      file.values()
          .forEach(
              r ->
                  parts.add(
                      r.key()
                          + " "
                          + FigureRange.number(r.low())
                          + "-"
                          + FigureRange.number(r.high())));
    }
    return parts.isEmpty() ? "nothing (every figure is fixed)" : String.join(", ", parts);
  }

  private ClusterFiles withoutOthers() {
    return new ClusterFiles(device, deviceStack, network, stack);
  }

  /** The file at every combination of its ranges' ends (the file itself without ranges). */
  private static <T> List<ProjectionFile<T>> ends(ProjectionFile<T> file) {
    List<ProjectionFile<T>> out = new ArrayList<>(List.of(file));
    for (Map.Entry<String, FigureRange> r : file.ranges().entrySet()) {
      List<ProjectionFile<T>> next = new ArrayList<>();
      for (ProjectionFile<T> f : out) {
        next.add(f.with(r.getKey(), r.getValue().low()));
        next.add(f.with(r.getKey(), r.getValue().high()));
      }
      out = next;
    }
    return out;
  }

  /**
   * The lowest and highest value of a projected quantity over the corners.
   *
   * @param low at the corner that gives the least
   * @param high at the corner that gives the most
   */
  public record Band(double low, double high) {
    /** {@code quantity} at every corner of {@code files}. */
    public static Band over(
        ClusterFiles files, java.util.function.ToDoubleFunction<ClusterFiles> q) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (ClusterFiles corner : files.corners()) {
        double v = q.applyAsDouble(corner);
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
      return new Band(low, high);
    }

    public boolean holds(double value) {
      return low <= value && value <= high;
    }

    /** high / low: how many times the highest end is the lowest. */
    public double ratio() {
      return high / low;
    }
  }
}
