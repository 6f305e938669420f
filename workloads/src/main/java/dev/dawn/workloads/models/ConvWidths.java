package dev.dawn.workloads.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output channels of every conv of a {@link ModelSpec}'s network, by layer name as its weights are named
 * ({@code prep}, {@code layer1_res_a}, {@code stem}, {@code stage2_block1.a}, ...): published width x multiplier unless
 * {@link ModelSpec#channels()} overrides it. ResNet9 and ResNet take every conv's width from here, and every conv's
 * input from its producer's width, so a pruned model is the same code with other numbers.
 *
 * <p>Convs whose outputs meet at a residual addition form a group that shares one channel set: ResNet-9's
 * {@code layer1} with {@code layer1_res_b} (and {@code layer3} with {@code layer3_res_b}); in a ResNet stage, its first
 * block's projection shortcut (or what feeds the identity shortcut, e.g. the stem) and every block's last conv. A group
 * may be narrowed only as a whole: every member gets the same width. Which blocks have a projection shortcut follows
 * the published widths, so narrowing never adds or drops one.
 */
public final class ConvWidths {
  /** @param group every conv sharing this conv's output channels through residual adds, itself included */
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

  /** @throws IllegalArgumentException naming an unknown conv (and listing the valid ones) or a group split in widths */
  public static ConvWidths of(ModelSpec spec) {
    Groups published = new Groups();
    if (spec.architecture().equals("resnet9")) {
      resNet9(spec, published);
    } else {
      resNet(spec, published);
    }
    Map<String, Integer> widths = new LinkedHashMap<>(published.widths);
    for (Map.Entry<String, Integer> e : spec.channels().entrySet()) {
      if (!widths.containsKey(e.getKey())) {
        throw new IllegalArgumentException("model channels: " + spec.architecture() + " has no conv '" + e.getKey()
            + "'; its convs are " + published.widths.keySet());
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
          throw new IllegalArgumentException("model channels: convs " + group + " meet at a residual addition, so "
              + "they need one width (narrow them together); got " + got);
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
      throw new IllegalArgumentException("no conv '" + name + "' in this network; convs: " + convs.keySet());
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
      groupOf.forEach((conv, group) -> members.computeIfAbsent(group, g -> new ArrayList<>()).add(conv));
      return members;
    }
  }

  private static void resNet9(ModelSpec spec, Groups convs) {
    convs.add("prep", spec.width(64));
    convs.add("layer1", spec.width(128));
    convs.add("layer1_res_a", spec.width(128));
    convs.join("layer1_res_b", spec.width(128), "layer1"); // x + res_b(res_a(x)), x = pool(layer1)
    convs.add("layer2", spec.width(256));
    convs.add("layer3", spec.width(512));
    convs.add("layer3_res_a", spec.width(512));
    convs.join("layer3_res_b", spec.width(512), "layer3");
  }

  private static void resNet(ModelSpec spec, Groups convs) {
    String variant = spec.variant();
    int channels = spec.width(64);
    String group;
    if (variant.equals("C") || variant.equals("D")) {
      convs.add("stem1", spec.width(32));
      convs.add("stem2", spec.width(32));
      group = "stem3";
    } else {
      group = "stem";
    }
    convs.add(group, channels);
    boolean bottleneck = spec.architecture().equals("resnet50");
    int[] depths = ResNet.depths(spec.architecture());
    for (int stage = 0; stage < depths.length; stage++) {
      int width = spec.width(ResNet.STAGE_WIDTHS[stage]);
      for (int i = 0; i < depths[stage]; i++) {
        int stride = stage > 0 && i == 0 ? 2 : 1;
        String name = "stage" + (stage + 1) + "_block" + (i + 1);
        int out = bottleneck ? width * BottleneckBlock.EXPANSION : width;
        boolean projection = stride != 1 || channels != out;
        if (projection) {
          group = name + ".shortcut"; // a new channel set: the block input is not added to anything
        }
        convs.add(name + ".a", width);
        String last = bottleneck ? name + ".c" : name + ".b";
        if (bottleneck) {
          convs.add(name + ".b", width);
        }
        convs.join(last, out, group);
        if (projection) {
          convs.join(name + ".shortcut", out, group);
        }
        channels = out;
      }
    }
  }
}
