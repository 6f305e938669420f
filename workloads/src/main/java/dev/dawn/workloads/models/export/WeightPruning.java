package dev.dawn.workloads.models.export;

import dev.dawn.workloads.models.ConvWidths;
import dev.dawn.workloads.models.ModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ChannelPruning} applied to a model's unfolded weights, so the pruned model can be trained
 * further (fine-tuned) and then folded: every conv writing a pruned channel group loses those
 * kernel output channels and the matching BN gamma, beta, moving mean and variance (or conv bias);
 * every conv reading it loses the matching kernel input channels, and a classifier reading it the
 * matching kernel rows. Channels are chosen on the BN-folded net (same ranking as {@code dawn infer
 * --prune}), so {@code fold(prune(w))} equals {@code ChannelPruning.prune(fold(w))}.
 */
public final class WeightPruning {
  /**
   * A producer's per-output-channel tensors besides its kernel; each is sliced where the model has
   * it.
   */
  private static final String[] CHANNEL_TENSORS = {
    ".conv.bias", ".bn.gamma", ".bn.beta", ".bn.moving_mean", ".bn.moving_variance"
  };

  private WeightPruning() {}

  /**
   * @param weights the pruned model's variables; their spec's {@link ModelSpec#channels()} builds
   *     the matching graph
   * @param channels the pruned convs' new widths (the {@code model.channels} config map; every
   *     member of a pruned residual group, all with the same width)
   */
  public record PrunedWeights(ModelWeights weights, Map<String, Integer> channels) {}

  /**
   * @param resolution input size of the folded net the filters are ranked on (ranking does not
   *     depend on it)
   * @param fraction share of prunable channels to remove, in [0, 1)
   * @param residualGroups also prune the channel groups that meet a residual add (see {@link
   *     ChannelPruning})
   */
  public static PrunedWeights prune(
      ModelWeights weights,
      int resolution,
      double fraction,
      PruneScope scope,
      boolean residualGroups) {
    return slice(
        weights,
        ChannelPruning.select(
            BnFolding.fold(weights, resolution), fraction, scope, residualGroups));
  }

  /**
   * Keeps only {@code kept}'s channels of each group's producers, and the matching inputs of its
   * readers.
   */
  public static PrunedWeights slice(ModelWeights weights, List<ChannelPruning.KeptChannels> kept) {
    Map<String, int[]> outs = new HashMap<>();
    Map<String, int[]> ins = new HashMap<>();
    Map<String, Integer> channels = new LinkedHashMap<>(weights.spec().channels());
    for (ChannelPruning.KeptChannels k : kept) {
      for (String producer : k.producers()) {
        outs.put(producer + ".conv.kernel", k.channels());
        for (String tensor : CHANNEL_TENSORS) {
          if (weights.contains(producer + tensor)) {
            outs.put(producer + tensor, k.channels());
          }
        }
        channels.put(producer, k.channels().length);
      }
      k.readers().forEach(reader -> ins.put(reader + ".conv.kernel", k.channels()));
      k.denseReaders().forEach(dense -> ins.put(dense + ".kernel", k.channels()));
    }
    List<WeightTensor> tensors = new ArrayList<>();
    Set<String> sliced = new HashSet<>();
    for (WeightTensor t : weights.tensors()) {
      int[] out = outs.get(t.name());
      int[] in = ins.get(t.name());
      if (out == null && in == null) {
        tensors.add(t);
        continue;
      }
      sliced.add(t.name());
      if (t.shape().length == 1 && in == null) {
        tensors.add(new WeightTensor(t.name(), new long[] {out.length}, pick(t.values(), out)));
      } else if (t.shape().length == 2 && out == null) {
        tensors.add(sliceRows(t, in));
      } else {
        tensors.add(sliceKernel(t, in, out));
      }
    }
    List<String> missing = new ArrayList<>();
    outs.keySet().stream().filter(n -> !sliced.contains(n)).forEach(missing::add);
    ins.keySet().stream().filter(n -> !sliced.contains(n)).forEach(missing::add);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "channel pruning names weights the "
              + weights.spec().architecture()
              + " model does not have: "
              + new TreeSet<>(missing));
    }
    ModelSpec spec = weights.spec().withChannels(channels);
    ConvWidths.of(
        spec); // a selection the model cannot be rebuilt from fails here, not at fine-tune time
    return new PrunedWeights(new ModelWeights(spec, tensors), Map.copyOf(channels));
  }

  /**
   * HWIO kernel restricted to input channels {@code in} and output channels {@code out} (null =
   * all).
   */
  private static WeightTensor sliceKernel(WeightTensor t, int[] in, int[] out) {
    if (t.shape().length != 4) {
      throw new IllegalArgumentException(
          "weight '" + t.name() + "' is not an HWIO conv kernel: shape length " + t.shape().length);
    }
    int taps = t.dim(0) * t.dim(1);
    int inAll = t.dim(2);
    int outAll = t.dim(3);
    int[] ins = in == null ? all(inAll) : in;
    int[] outs = out == null ? all(outAll) : out;
    float[] w = t.values();
    float[] sliced = new float[taps * ins.length * outs.length];
    int k = 0;
    for (int tap = 0; tap < taps; tap++) {
      for (int i : ins) {
        int base = (tap * inAll + i) * outAll;
        for (int o : outs) {
          sliced[k++] = w[base + o];
        }
      }
    }
    return new WeightTensor(
        t.name(), new long[] {t.dim(0), t.dim(1), ins.length, outs.length}, sliced);
  }

  /** [in, out] dense kernel restricted to input rows {@code rows}. */
  private static WeightTensor sliceRows(WeightTensor t, int[] rows) {
    int out = t.dim(1);
    float[] sliced = new float[rows.length * out];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(t.values(), rows[r] * out, sliced, r * out, out);
    }
    return new WeightTensor(t.name(), new long[] {rows.length, out}, sliced);
  }

  private static float[] pick(float[] values, int[] indices) {
    float[] picked = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      picked[i] = values[indices[i]];
    }
    return picked;
  }

  private static int[] all(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
