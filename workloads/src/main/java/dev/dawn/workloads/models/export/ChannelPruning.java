package dev.dawn.workloads.models.export;

import dev.dawn.workloads.inference.net.FoldedConv;
import dev.dawn.workloads.inference.net.FoldedNet;
import dev.dawn.workloads.inference.net.LayerSpec;
import dev.dawn.workloads.inference.net.MaxPool;
import dev.dawn.workloads.inference.net.ResidualBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * L1-norm filter pruning (Li et al., ICLR 2017; recipes.md section 5.2) of a {@link FoldedNet}: a pruned filter's
 * kernel and bias go, and so do the matching input channels of the one conv that reads it.
 *
 * <p>Only convs whose output feeds exactly one other conv are pruned: the inner convs of a residual block's main path,
 * and a plain conv followed (through max pools only) by a plain conv. Outputs that meet a residual add, the global
 * pool or the classifier are left whole, as Li et al. and He et al. do for ResNets; so every residual addition keeps
 * matching channel counts by construction. BN is already folded, so a filter's L1 norm includes its BN scale.
 * ResNet-9's {@code layer*_res_b} feeds only the identity conv {@link BnFolding#PASSTHROUGH} here, but in the trained
 * model it meets the residual add, so it is left whole too: {@link #select} must name only filters that
 * {@link WeightPruning} can also remove from the unfolded weights. Pruning removes a channel's constant contribution
 * relu(bias) from the next conv too; fine-tuning (dawn infer --fine-tune-epochs) recovers the accuracy.
 */
public final class ChannelPruning {
  private ChannelPruning() {}

  /**
   * The filters one prunable conv keeps.
   *
   * @param conv the pruned conv's name; its output channels {@code channels} survive, in ascending order
   * @param consumer the one conv reading it, whose matching input channels go too
   * @param original the conv's output channels before pruning
   */
  public record KeptFilters(String conv, String consumer, int original, int[] channels) {}

  /** @param fraction share of prunable filters to remove, in [0, 1); 0 returns an equal net */
  public static PrunedNet prune(FoldedNet net, double fraction, PruneScope scope) {
    Map<String, FoldedConv> producers = new LinkedHashMap<>();
    Map<String, String> producerOf = new HashMap<>(); // consumer name -> producer name
    links(net, producers, producerOf);
    Map<String, int[]> keep = keep(producers, fraction, scope);
    List<LayerSpec> layers = new ArrayList<>();
    for (LayerSpec layer : net.layers()) {
      if (layer instanceof FoldedConv c) {
        layers.add(slice(c, keep, producerOf));
      } else if (layer instanceof ResidualBlock b) {
        List<FoldedConv> main = new ArrayList<>();
        b.main().forEach(c -> main.add(slice(c, keep, producerOf)));
        FoldedConv projection = b.projection() == null ? null : slice(b.projection(), keep, producerOf);
        layers.add(new ResidualBlock(b.name(), main, projection, b.shortcutPool()));
      } else {
        layers.add(layer);
      }
    }
    FoldedNet pruned = new FoldedNet(net.height(), net.width(), net.channels(), layers);
    Map<String, Integer> kept = new LinkedHashMap<>();
    producers.keySet().forEach(name -> kept.put(name, keep.get(name).length));
    return new PrunedNet(pruned, kept, FlopCounter.count(net), FlopCounter.count(pruned));
  }

  /**
   * Which filters {@link #prune} keeps, per prunable conv in net order: ranked on the folded kernels (so a filter's
   * L1 norm includes its BN scale), for slicing other copies of the same model, e.g. its unfolded weights.
   */
  public static List<KeptFilters> select(FoldedNet net, double fraction, PruneScope scope) {
    Map<String, FoldedConv> producers = new LinkedHashMap<>();
    Map<String, String> producerOf = new HashMap<>();
    links(net, producers, producerOf);
    Map<String, int[]> keep = keep(producers, fraction, scope);
    List<KeptFilters> kept = new ArrayList<>();
    for (FoldedConv c : producers.values()) {
      String consumer = producerOf.entrySet().stream().filter(e -> e.getValue().equals(c.name())).findFirst()
          .orElseThrow().getKey();
      kept.add(new KeptFilters(c.name(), consumer, c.out(), keep.get(c.name()).clone()));
    }
    return kept;
  }

  private static Map<String, int[]> keep(Map<String, FoldedConv> producers, double fraction, PruneScope scope) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("prune fraction must be in [0, 1), got " + fraction);
    }
    return scope == PruneScope.PER_LAYER ? perLayer(producers, fraction) : global(producers, fraction);
  }

  /** Names of the convs this class may prune, in order. */
  public static List<String> prunableConvs(FoldedNet net) {
    Map<String, FoldedConv> producers = new LinkedHashMap<>();
    links(net, producers, new HashMap<>());
    return List.copyOf(producers.keySet());
  }

  private static void links(FoldedNet net, Map<String, FoldedConv> producers, Map<String, String> producerOf) {
    List<LayerSpec> layers = net.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof FoldedConv c) {
        int j = i + 1;
        while (j < layers.size() && layers.get(j) instanceof MaxPool) {
          j++;
        }
        if (j < layers.size() && layers.get(j) instanceof FoldedConv next) {
          link(c, next, producers, producerOf);
        }
      } else if (layers.get(i) instanceof ResidualBlock b) {
        for (int k = 0; k + 1 < b.main().size(); k++) {
          link(b.main().get(k), b.main().get(k + 1), producers, producerOf);
        }
      }
    }
  }

  private static void link(FoldedConv producer, FoldedConv consumer, Map<String, FoldedConv> producers,
      Map<String, String> producerOf) {
    if (consumer.name().endsWith(BnFolding.PASSTHROUGH)) {
      return; // the producer meets ResNet-9's residual add in the trained model (see the class comment)
    }
    if (producers.put(producer.name(), producer) != null || producerOf.put(consumer.name(), producer.name()) != null) {
      throw new IllegalArgumentException("channel pruning needs unique conv names; '" + producer.name() + "' or '"
          + consumer.name() + "' appears twice");
    }
  }

  private static Map<String, int[]> perLayer(Map<String, FoldedConv> producers, double fraction) {
    Map<String, int[]> keep = new HashMap<>();
    for (FoldedConv c : producers.values()) {
      double[] norms = l1(c);
      int remove = Math.min(c.out() - 1, (int) Math.floor(c.out() * fraction + 1e-9));
      Integer[] order = byNorm(norms);
      int[] kept = new int[c.out() - remove];
      for (int k = 0; k < kept.length; k++) {
        kept[k] = order[remove + k];
      }
      Arrays.sort(kept);
      keep.put(c.name(), kept);
    }
    return keep;
  }

  private static Map<String, int[]> global(Map<String, FoldedConv> producers, double fraction) {
    record Filter(String conv, int channel, double score) {}
    List<Filter> all = new ArrayList<>();
    Map<String, Integer> remaining = new HashMap<>();
    for (FoldedConv c : producers.values()) {
      double[] norms = l1(c);
      double size = (double) c.kh() * c.kw() * c.in();
      for (int o = 0; o < c.out(); o++) {
        all.add(new Filter(c.name(), o, norms[o] / size));
      }
      remaining.put(c.name(), c.out());
    }
    all.sort(Comparator.comparingDouble(Filter::score).thenComparing(Filter::conv).thenComparingInt(Filter::channel));
    int toRemove = (int) Math.floor(all.size() * fraction + 1e-9);
    Map<String, boolean[]> removed = new HashMap<>();
    producers.values().forEach(c -> removed.put(c.name(), new boolean[c.out()]));
    for (Filter f : all) {
      if (toRemove == 0) {
        break;
      }
      if (remaining.get(f.conv()) > 1) {
        removed.get(f.conv())[f.channel()] = true;
        remaining.merge(f.conv(), -1, Integer::sum);
        toRemove--;
      }
    }
    Map<String, int[]> keep = new HashMap<>();
    removed.forEach((name, gone) -> {
      int[] kept = new int[remaining.get(name)];
      int k = 0;
      for (int o = 0; o < gone.length; o++) {
        if (!gone[o]) {
          kept[k++] = o;
        }
      }
      keep.put(name, kept);
    });
    return keep;
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

  /** Channel indices, smallest norm first (ties by index, so results are deterministic). */
  private static Integer[] byNorm(double[] norms) {
    Integer[] order = new Integer[norms.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> norms[i]).thenComparingInt(i -> i));
    return order;
  }

  private static FoldedConv slice(FoldedConv c, Map<String, int[]> keep, Map<String, String> producerOf) {
    int[] outs = keep.containsKey(c.name()) ? keep.get(c.name()) : all(c.out());
    String producer = producerOf.get(c.name());
    int[] ins = producer == null ? all(c.in()) : keep.get(producer);
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
    return new FoldedConv(c.name(), kernel, bias, c.kh(), c.kw(), ins.length, outs.length, c.stride(), c.padding(),
        c.relu());
  }

  private static int[] all(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
