package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The channel spaces of a {@link FoldedNet}: tensors whose channels must be removed together. Every
 * conv output is a tensor; pools and ReLUs keep their input's channels; a residual add joins its
 * two inputs into one space (union-find), and so does ResNet-9's identity {@link
 * BnFolding#PASSTHROUGH} conv (its input and output are the same channels). A space is pinned when
 * removing its channels would change the net's interface: the image, the logits, or the output of a
 * net without a classifier.
 */
final class ChannelGroups {
  /**
   * One channel space.
   *
   * @param producers the convs writing it (passthroughs excluded), in net order
   * @param passthroughs identity convs inside it (sliced on both sides)
   * @param readers the convs reading it (passthroughs excluded)
   * @param denseReaders dense layers reading it (after channel-wise pools), whose input rows match
   *     its channels
   * @param tensors how many tensors it joins: 1 unless it meets a residual add or a passthrough
   */
  record Group(
      int id,
      int width,
      List<FoldedConv> producers,
      List<FoldedConv> passthroughs,
      List<FoldedConv> readers,
      List<Dense> denseReaders,
      int tensors,
      boolean pinned) {

    /**
     * @param residualGroups false keeps the old rule: one producer feeding exactly one conv and
     *     nothing else, so no residual add, passthrough or classifier is touched
     */
    boolean prunable(boolean residualGroups) {
      if (pinned || producers.isEmpty() || (readers.isEmpty() && denseReaders.isEmpty())) {
        return false;
      }
      return residualGroups
          || (tensors == 1
              && producers.size() == 1
              && passthroughs.isEmpty()
              && denseReaders.isEmpty()
              && readers.size() == 1);
    }
  }

  private final List<Integer> parent = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private final Set<Integer> pinned = new HashSet<>();
  private final Map<String, Integer> inputOf = new LinkedHashMap<>();
  private final Map<String, Integer> outputOf = new LinkedHashMap<>();
  private final Map<String, FoldedConv> convs = new LinkedHashMap<>();
  private final Map<String, Integer> denseInputOf = new LinkedHashMap<>();
  private final Map<String, Dense> denses = new LinkedHashMap<>();
  private final Map<Integer, Group> groups = new LinkedHashMap<>();

  private ChannelGroups() {}

  static ChannelGroups of(FoldedNet net) {
    ChannelGroups g = new ChannelGroups();
    int current = g.tensor(net.channels());
    g.pinned.add(current);
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        current = g.conv(c, current);
      } else if (layer instanceof ResidualBlock b) {
        int y = current;
        for (FoldedConv c : b.main()) {
          int in = y;
          y = g.conv(c, in);
          if (isPassthrough(c)) {
            g.union(in, y, b.name());
          }
        }
        int shortcut = b.projection() == null ? current : g.conv(b.projection(), current);
        g.union(y, shortcut, b.name());
        current = y;
      } else if (layer instanceof Dense d) {
        if (g.denses.put(d.name(), d) != null) {
          throw new IllegalArgumentException(
              "channel pruning needs unique layer names; dense '" + d.name() + "' appears twice");
        }
        g.denseInputOf.put(d.name(), current);
        current = g.tensor(d.out());
        g.pinned.add(current);
      } // MaxPool, GlobalAvgPool: channel-wise, the same space
    }
    g.pinned.add(current);
    g.collect();
    return g;
  }

  static boolean isPassthrough(FoldedConv c) {
    return c.name().endsWith(BnFolding.PASSTHROUGH);
  }

  /** Every space in order of its first tensor. */
  List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /** Every conv except passthroughs, in net order (a block's main path, then its projection). */
  List<FoldedConv> convs() {
    return convs.values().stream().filter(c -> !isPassthrough(c)).toList();
  }

  Group output(FoldedConv c) {
    return groups.get(find(outputOf.get(c.name())));
  }

  Group input(FoldedConv c) {
    return groups.get(find(inputOf.get(c.name())));
  }

  Group input(Dense d) {
    return groups.get(find(denseInputOf.get(d.name())));
  }

  private int conv(FoldedConv c, int input) {
    if (convs.put(c.name(), c) != null) {
      throw new IllegalArgumentException(
          "channel pruning needs unique conv names; '" + c.name() + "' appears twice");
    }
    if (isPassthrough(c) && (c.kh() != 1 || c.kw() != 1 || c.in() != c.out() || c.relu())) {
      throw new IllegalArgumentException(
          "conv '"
              + c.name()
              + "' is named as an identity passthrough but is not a "
              + "linear 1x1 conv with as many outputs as inputs");
    }
    inputOf.put(c.name(), input);
    int out = tensor(c.out());
    outputOf.put(c.name(), out);
    return out;
  }

  private int tensor(int width) {
    parent.add(parent.size());
    widths.add(width);
    return parent.size() - 1;
  }

  private int find(int t) {
    while (parent.get(t) != t) {
      parent.set(t, parent.get(parent.get(t)));
      t = parent.get(t);
    }
    return t;
  }

  private void union(int a, int b, String block) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return;
    }
    if (!widths.get(ra).equals(widths.get(rb))) {
      throw new IllegalArgumentException(
          "residual block " + block + " adds " + widths.get(ra) + " channels to " + widths.get(rb));
    }
    parent.set(Math.max(ra, rb), Math.min(ra, rb)); // the earlier tensor names the space
  }

  private void collect() {
    Map<Integer, Integer> tensors = new HashMap<>();
    Set<Integer> pinnedRoots = new HashSet<>();
    for (int t = 0; t < parent.size(); t++) {
      tensors.merge(find(t), 1, Integer::sum);
      if (pinned.contains(t)) {
        pinnedRoots.add(find(t));
      }
    }
    Map<Integer, List<FoldedConv>> producers = new HashMap<>();
    Map<Integer, List<FoldedConv>> passthroughs = new HashMap<>();
    Map<Integer, List<FoldedConv>> readers = new HashMap<>();
    Map<Integer, List<Dense>> denseReaders = new HashMap<>();
    for (FoldedConv c : convs.values()) {
      int out = find(outputOf.get(c.name()));
      if (isPassthrough(c)) {
        passthroughs.computeIfAbsent(out, k -> new ArrayList<>()).add(c);
      } else {
        producers.computeIfAbsent(out, k -> new ArrayList<>()).add(c);
        readers.computeIfAbsent(find(inputOf.get(c.name())), k -> new ArrayList<>()).add(c);
      }
    }
    denses
        .values()
        .forEach(
            d ->
                denseReaders
                    .computeIfAbsent(find(denseInputOf.get(d.name())), k -> new ArrayList<>())
                    .add(d));
    for (int t = 0; t < parent.size(); t++) {
      int root = find(t);
      if (!groups.containsKey(root)) {
        groups.put(
            root,
            new Group(
                root,
                widths.get(root),
                producers.getOrDefault(root, List.of()),
                passthroughs.getOrDefault(root, List.of()),
                readers.getOrDefault(root, List.of()),
                denseReaders.getOrDefault(root, List.of()),
                tensors.get(root),
                pinnedRoots.contains(root)));
      }
    }
  }
}
