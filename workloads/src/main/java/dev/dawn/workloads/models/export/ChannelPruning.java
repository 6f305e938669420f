package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.Dense;
import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * L1-norm filter pruning (Li et al., "Pruning Filters for Efficient ConvNets", ICLR 2017) of a
 * {@link FoldedNet}: a pruned channel's filters and biases go from every conv writing it, and so do
 * the matching input channels of every conv (and classifier rows) reading it. BN is already folded,
 * so a filter's L1 norm includes its BN scale.
 *
 * <p>What may be pruned is found on the net's {@link ChannelGroups}. With {@code residualGroups},
 * every channel space except the image and the logits: tensors joined by a residual add are one
 * group (ResNet-9's {@code layer1} with {@code layer1_res_b}; a ResNet stage's projection and every
 * block's last conv), so the add stays consistent and the graph physically shrinks; the last group
 * also loses the classifier's matching input rows. A group's channels are ranked by the sum over
 * its producers of each producer's L1 norm divided by its filter size (kh x kw x in), so producers
 * of different fan-in weigh alike. Without it (the pre-group behaviour), only convs whose output
 * feeds exactly one other conv and meets no add, passthrough or classifier are pruned, as Li et al.
 * and He et al. do for ResNets. ResNet-9's identity {@link BnFolding#PASSTHROUGH} conv is sliced on
 * both sides with its group, so what is pruned here can always be pruned from the unfolded weights
 * too ({@link WeightPruning}). Pruning removes a channel's constant contribution relu(bias) from
 * its readers; fine-tuning (dawn infer --fine-tune-epochs) recovers accuracy.
 */
public final class ChannelPruning {
  private ChannelPruning() {}

  /**
   * The channels one prunable group keeps.
   *
   * @param producers the convs writing the group (passthroughs excluded): their output channels
   *     {@code channels} survive, in ascending order
   * @param readers the convs reading it, whose matching input channels go too (passthroughs
   *     excluded)
   * @param denseReaders dense layers reading it (through channel-wise pools), whose matching input
   *     rows go
   * @param original the group's channels before pruning
   */
  public record KeptChannels(
      List<String> producers,
      List<String> readers,
      List<String> denseReaders,
      int original,
      int[] channels) {
    public KeptChannels {
      producers = List.copyOf(producers);
      readers = List.copyOf(readers);
      denseReaders = List.copyOf(denseReaders);
    }
  }

  /**
   * @param fraction share of prunable channels to remove, in [0, 1); 0 returns an equal net
   * @param residualGroups also prune channel groups that meet a residual add or the classifier (see
   *     the class comment)
   */
  public static PrunedNet prune(
      FoldedNet net, double fraction, PruneScope scope, boolean residualGroups) {
    ChannelGroups groups = ChannelGroups.of(net);
    Map<Integer, int[]> keep = keep(groups, fraction, scope, residualGroups);
    List<LayerSpec> layers = new ArrayList<>();
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        layers.add(slice(c, groups, keep));
      } else if (layer instanceof ResidualBlock b) {
        List<FoldedConv> main = new ArrayList<>();
        b.main().forEach(c -> main.add(slice(c, groups, keep)));
        FoldedConv projection = b.projection() == null ? null : slice(b.projection(), groups, keep);
        layers.add(new ResidualBlock(b.name(), main, projection, b.shortcutPool()));
      } else if (layer instanceof Dense d) {
        layers.add(slice(d, keep.get(groups.input(d).id())));
      } else {
        layers.add(layer);
      }
    }
    FoldedNet pruned = new FoldedNet(net.height(), net.width(), net.channels(), layers);
    Map<String, Integer> kept = new LinkedHashMap<>();
    for (FoldedConv c : groups.convs()) {
      int[] channels = keep.get(groups.output(c).id());
      if (channels != null) {
        kept.put(c.name(), channels.length);
      }
    }
    return new PrunedNet(pruned, kept, FlopCounter.count(net), FlopCounter.count(pruned));
  }

  /**
   * Which channels {@link #prune} keeps, per prunable group in net order: ranked on the folded
   * kernels (so a filter's L1 norm includes its BN scale), for slicing other copies of the same
   * model, e.g. its unfolded weights.
   */
  public static List<KeptChannels> select(
      FoldedNet net, double fraction, PruneScope scope, boolean residualGroups) {
    ChannelGroups groups = ChannelGroups.of(net);
    Map<Integer, int[]> keep = keep(groups, fraction, scope, residualGroups);
    List<KeptChannels> kept = new ArrayList<>();
    for (ChannelGroups.Group g : groups.groups()) {
      if (keep.containsKey(g.id())) {
        kept.add(
            new KeptChannels(
                names(g.producers()),
                names(g.readers()),
                g.denseReaders().stream().map(Dense::name).toList(),
                g.width(),
                keep.get(g.id()).clone()));
      }
    }
    return kept;
  }

  /** Names of the convs whose output channels this class may prune, in net order. */
  static List<String> prunableConvs(FoldedNet net, boolean residualGroups) {
    ChannelGroups groups = ChannelGroups.of(net);
    return groups.convs().stream()
        .filter(c -> groups.output(c).prunable(residualGroups))
        .map(FoldedConv::name)
        .toList();
  }

  private static List<String> names(List<FoldedConv> convs) {
    return convs.stream().map(FoldedConv::name).toList();
  }

  private static Map<Integer, int[]> keep(
      ChannelGroups groups, double fraction, PruneScope scope, boolean residualGroups) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("prune fraction must be in [0, 1), got " + fraction);
    }
    List<ChannelGroups.Group> prunable =
        groups.groups().stream().filter(g -> g.prunable(residualGroups)).toList();
    return scope == PruneScope.PER_LAYER
        ? perLayer(prunable, fraction)
        : global(prunable, fraction);
  }

  private static Map<Integer, int[]> perLayer(List<ChannelGroups.Group> groups, double fraction) {
    Map<Integer, int[]> keep = new LinkedHashMap<>();
    for (ChannelGroups.Group g : groups) {
      double[] scores = scores(g);
      int remove = Math.min(g.width() - 1, (int) Math.floor(g.width() * fraction + 1e-9));
      Integer[] order = byScore(scores);
      int[] kept = new int[g.width() - remove];
      for (int k = 0; k < kept.length; k++) {
        kept[k] = order[remove + k];
      }
      Arrays.sort(kept);
      keep.put(g.id(), kept);
    }
    return keep;
  }

  /**
   * All prunable channels compete; a group's channel scores the mean (not the sum) of its
   * producers' normalised norms, which ranks its own channels the same way and keeps a
   * many-producer group comparable with a single conv.
   */
  private static Map<Integer, int[]> global(List<ChannelGroups.Group> groups, double fraction) {
    record Channel(int group, String name, int channel, double score) {}
    List<Channel> all = new ArrayList<>();
    Map<Integer, Integer> remaining = new HashMap<>();
    for (ChannelGroups.Group g : groups) {
      double[] scores = scores(g);
      String name = g.producers().get(0).name();
      for (int o = 0; o < g.width(); o++) {
        all.add(new Channel(g.id(), name, o, scores[o] / g.producers().size()));
      }
      remaining.put(g.id(), g.width());
    }
    all.sort(
        Comparator.comparingDouble(Channel::score)
            .thenComparing(Channel::name)
            .thenComparingInt(Channel::channel));
    int toRemove = (int) Math.floor(all.size() * fraction + 1e-9);
    Map<Integer, boolean[]> removed = new HashMap<>();
    groups.forEach(g -> removed.put(g.id(), new boolean[g.width()]));
    for (Channel c : all) {
      if (toRemove == 0) {
        break;
      }
      if (remaining.get(c.group()) > 1) {
        removed.get(c.group())[c.channel()] = true;
        remaining.merge(c.group(), -1, Integer::sum);
        toRemove--;
      }
    }
    Map<Integer, int[]> keep = new LinkedHashMap<>();
    for (ChannelGroups.Group g : groups) {
      boolean[] gone = removed.get(g.id());
      int[] kept = new int[remaining.get(g.id())];
      int k = 0;
      for (int o = 0; o < gone.length; o++) {
        if (!gone[o]) {
          kept[k++] = o;
        }
      }
      keep.put(g.id(), kept);
    }
    return keep;
  }

  /** Per channel of a group: sum over its producers of L1 / filter size. */
  private static double[] scores(ChannelGroups.Group g) {
    double[] scores = new double[g.width()];
    for (FoldedConv c : g.producers()) {
      double[] norms = l1(c);
      double size = (double) c.kh() * c.kw() * c.in();
      for (int o = 0; o < scores.length; o++) {
        scores[o] += norms[o] / size;
      }
    }
    return scores;
  }

  /** Sum of |w| per output channel of an HWIO kernel. */
  static double[] l1(FoldedConv c) {
    double[] norms = new double[c.out()];
    float[] w = c.kernel();
    for (int i = 0; i < w.length; i++) {
      norms[i % c.out()] += Math.abs(w[i]);
    }
    return norms;
  }

  /** Channel indices, lowest score first (ties by index, so results are deterministic). */
  private static Integer[] byScore(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparingInt(i -> i));
    return order;
  }

  private static FoldedConv slice(FoldedConv c, ChannelGroups groups, Map<Integer, int[]> keep) {
    int[] outs = keep.getOrDefault(groups.output(c).id(), all(c.out()));
    int[] ins = keep.getOrDefault(groups.input(c).id(), all(c.in()));
    if (outs.length == c.out() && ins.length == c.in()) {
      return c;
    }
    int taps = c.kh() * c.kw();
    float[] kernel = new float[taps * ins.length * outs.length];
    float[] w = c.kernel();
    int k = 0;
    for (int t = 0; t < taps; t++) {
      for (int i : ins) {
        int base = (t * c.in() + i) * c.out();
        for (int o : outs) {
          kernel[k++] = w[base + o];
        }
      }
    }
    float[] bias = new float[outs.length];
    for (int o = 0; o < outs.length; o++) {
      bias[o] = c.bias()[outs[o]];
    }
    return new FoldedConv(
        c.name(),
        kernel,
        bias,
        c.kh(),
        c.kw(),
        ins.length,
        outs.length,
        c.stride(),
        c.padding(),
        c.relu());
  }

  /** The dense layer reading only input rows {@code rows} (null or all = unchanged). */
  private static Dense slice(Dense d, int[] rows) {
    if (rows == null || rows.length == d.in()) {
      return d;
    }
    float[] w = new float[rows.length * d.out()];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(d.weights(), rows[r] * d.out(), w, r * d.out(), d.out());
    }
    return new Dense(d.name(), w, d.bias(), rows.length, d.out());
  }

  private static int[] all(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
