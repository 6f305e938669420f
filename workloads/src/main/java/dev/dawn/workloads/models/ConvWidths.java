package dev.dawn.workloads.models;

import dev.dawn.workloads.models.arch.Layer;
import dev.dawn.workloads.models.arch.NetDescription;
import dev.dawn.workloads.models.arch.Residual;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output channels of every conv of a {@link ModelSpec}'s network, by layer name as its weights
 * are named ({@code prep}, {@code layer1_res_a}, {@code stem}, {@code stage2_block1.a}, ...):
 * published width x multiplier unless {@link ModelSpec#channels()} overrides it. {@link
 * DescribedModel} takes every conv's width from here, and every conv's input from its producer's
 * width, so a pruned model is the same code with other numbers. The convs and their groups come
 * from the architecture's {@link NetDescription}.
 *
 * <p>Convs whose outputs meet at a residual addition form a group that shares one channel set:
 * ResNet-9's {@code layer1} with {@code layer1_res_b} (and {@code layer3} with {@code
 * layer3_res_b}); in a ResNet stage, its first block's projection shortcut (or what feeds the
 * identity shortcut, e.g. the stem) and every block's last conv. A group may be narrowed only as a
 * whole: every member gets the same width. Which blocks have a projection shortcut follows the
 * published widths, so narrowing never adds or drops one.
 */
public final class ConvWidths {
  /**
   * @param group every conv sharing this conv's output channels through residual adds, itself
   *     included
   */
  public record Conv(String name, int width, List<String> group) {
    /** The output meets a residual addition, so it can be narrowed only with its whole group. */
    public boolean residual() {
      return group.size() > 1;
    }
  }

  private final Map<String, Conv> convs;

  private ConvWidths(Map<String, Conv> convs) {
    this.convs = Collections.unmodifiableMap(convs);
  }

  /**
   * @throws IllegalArgumentException naming an unknown conv (and listing the valid ones) or a group
   *     split in widths
   */
  public static ConvWidths of(ModelSpec spec) {
    Groups published = new Groups();
    published(spec.description(), published);
    Map<String, Integer> widths = new LinkedHashMap<>(published.widths);
    for (Map.Entry<String, Integer> e : spec.channels().entrySet()) {
      if (!widths.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "model channels: "
                + spec.architecture()
                + " has no conv '"
                + e.getKey()
                + "'; its convs are "
                + published.widths.keySet());
      }
      widths.put(e.getKey(), e.getValue());
    }
    Map<String, List<String>> members = published.members();
    Map<String, Conv> convs = new LinkedHashMap<>();
    for (String name : widths.keySet()) {
      List<String> group = members.get(published.groupOf.get(name));
      for (String other : group) {
        if (!widths.get(other).equals(widths.get(name))) {
          Map<String, Integer> got = new LinkedHashMap<>();
          group.forEach(m -> got.put(m, widths.get(m)));
          throw new IllegalArgumentException(
              "model channels: convs "
                  + group
                  + " meet at a residual addition, so "
                  + "they need one width (narrow them together); got "
                  + got);
        }
      }
      convs.put(name, new Conv(name, widths.get(name), group));
    }
    return new ConvWidths(convs);
  }

  /** Output channels of conv {@code name}. */
  public int out(String name) {
    Conv conv = convs.get(name);
    if (conv == null) {
      throw new IllegalArgumentException(
          "no conv '" + name + "' in this network; convs: " + convs.keySet());
    }
    return conv.width();
  }

  /** Whether the network has conv {@code name}, e.g. a block's {@code .shortcut} projection. */
  public boolean has(String name) {
    return convs.containsKey(name);
  }

  /** Every conv in build order. */
  public List<Conv> convs() {
    return List.copyOf(convs.values());
  }

  /** Published widths and residual groups, keyed by the conv that starts each group. */
  private static final class Groups {
    final Map<String, Integer> widths = new LinkedHashMap<>();
    final Map<String, String> groupOf = new LinkedHashMap<>();

    /** A conv with its own channel set (until something joins it). */
    void add(String name, int width) {
      join(name, width, name);
    }

    /** A conv whose output is added to group {@code group}'s. */
    void join(String name, int width, String group) {
      widths.put(name, width);
      groupOf.put(name, group);
    }

    Map<String, List<String>> members() {
      Map<String, List<String>> members = new LinkedHashMap<>();
      groupOf.forEach(
          (conv, group) -> members.computeIfAbsent(group, g -> new ArrayList<>()).add(conv));
      return members;
    }
  }

  /**
   * Walks the description: a conv starts its own channel set; a residual's last main conv joins the
   * set of the block input (identity shortcut) or starts one with its projection. Pools keep their
   * input's set.
   */
  private static void published(NetDescription net, Groups convs) {
    String current = null; // the channel set of the tensor flowing between layers
    for (Layer layer : net.layers()) {
      if (layer instanceof dev.dawn.workloads.models.arch.Conv c) {
        convs.add(c.name(), c.width());
        current = c.name();
      } else if (layer instanceof Residual r) {
        List<dev.dawn.workloads.models.arch.Conv> main = r.main();
        main.subList(0, main.size() - 1).forEach(c -> convs.add(c.name(), c.width()));
        var last = main.get(main.size() - 1);
        String group = r.shortcut() == null ? current : r.shortcut().projection().name();
        if (group == null) {
          throw new IllegalArgumentException(
              net.architecture() + ": residual " + r.name() + " adds the image itself");
        }
        convs.join(last.name(), last.width(), group);
        if (r.shortcut() != null) {
          convs.join(r.shortcut().projection().name(), r.shortcut().projection().width(), group);
        }
        current = group;
      }
    }
  }
}
