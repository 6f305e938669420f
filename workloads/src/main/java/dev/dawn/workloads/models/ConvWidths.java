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
 * <p>A conv whose output meets a residual addition (a block's last conv, its shortcut, or what feeds an identity
 * shortcut) keeps its width: narrowing it would need every member of the add to agree, which pruning never asks for.
 */
public final class ConvWidths {
  /** @param residual the output meets a residual addition, so its width is fixed */
  public record Conv(String name, int width, boolean residual) {}

  private final Map<String, Conv> convs;

  private ConvWidths(Map<String, Conv> convs) {
    this.convs = Collections.unmodifiableMap(convs);
  }

  /** @throws IllegalArgumentException naming an unknown conv (and listing the valid ones) or a fixed-width conv */
  public static ConvWidths of(ModelSpec spec) {
    Map<String, Conv> published = new LinkedHashMap<>();
    if (spec.architecture().equals("resnet9")) {
      resNet9(spec, published);
    } else {
      resNet(spec, published);
    }
    Map<String, Conv> convs = new LinkedHashMap<>(published);
    for (Map.Entry<String, Integer> e : spec.channels().entrySet()) {
      Conv conv = published.get(e.getKey());
      if (conv == null) {
        throw new IllegalArgumentException("model channels: " + spec.architecture() + " has no conv '" + e.getKey()
            + "'; its convs that may be narrowed are " + narrowable(published));
      }
      if (conv.residual() && e.getValue() != conv.width()) {
        throw new IllegalArgumentException("model channels: conv '" + e.getKey() + "' feeds a residual addition, so it "
            + "keeps its " + conv.width() + " channels (got " + e.getValue() + "); convs that may be narrowed are "
            + narrowable(published));
      }
      convs.put(conv.name(), new Conv(conv.name(), e.getValue(), conv.residual()));
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

  /** Every conv in build order. */
  public List<Conv> convs() {
    return List.copyOf(convs.values());
  }

  private static List<String> narrowable(Map<String, Conv> convs) {
    List<String> names = new ArrayList<>();
    convs.values().stream().filter(c -> !c.residual()).forEach(c -> names.add(c.name()));
    return names;
  }

  private static void resNet9(ModelSpec spec, Map<String, Conv> convs) {
    add(convs, "prep", spec.width(64), false);
    add(convs, "layer1", spec.width(128), true);
    add(convs, "layer1_res_a", spec.width(128), false);
    add(convs, "layer1_res_b", spec.width(128), true);
    add(convs, "layer2", spec.width(256), false);
    add(convs, "layer3", spec.width(512), true);
    add(convs, "layer3_res_a", spec.width(512), false);
    add(convs, "layer3_res_b", spec.width(512), true);
  }

  private static void resNet(ModelSpec spec, Map<String, Conv> convs) {
    String variant = spec.variant();
    int channels = spec.width(64);
    if (variant.equals("C") || variant.equals("D")) {
      add(convs, "stem1", spec.width(32), false);
      add(convs, "stem2", spec.width(32), false);
      add(convs, "stem3", channels, true);
    } else {
      add(convs, "stem", channels, true);
    }
    boolean bottleneck = spec.architecture().equals("resnet50");
    int[] depths = ResNet.depths(spec.architecture());
    for (int stage = 0; stage < depths.length; stage++) {
      int width = spec.width(ResNet.STAGE_WIDTHS[stage]);
      for (int i = 0; i < depths[stage]; i++) {
        int stride = stage > 0 && i == 0 ? 2 : 1;
        String name = "stage" + (stage + 1) + "_block" + (i + 1);
        int out = bottleneck ? width * BottleneckBlock.EXPANSION : width;
        add(convs, name + ".a", width, false);
        if (bottleneck) {
          add(convs, name + ".b", width, false);
          add(convs, name + ".c", out, true);
        } else {
          add(convs, name + ".b", out, true);
        }
        if (stride != 1 || channels != out) {
          add(convs, name + ".shortcut", out, true);
        }
        channels = out;
      }
    }
  }

  private static void add(Map<String, Conv> convs, String name, int width, boolean residual) {
    convs.put(name, new Conv(name, width, residual));
  }
}
