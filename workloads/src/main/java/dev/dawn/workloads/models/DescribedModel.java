package dev.dawn.workloads.models;

import dev.dawn.workloads.models.arch.Classifier;
import dev.dawn.workloads.models.arch.Conv;
import dev.dawn.workloads.models.arch.GlobalPool;
import dev.dawn.workloads.models.arch.Layer;
import dev.dawn.workloads.models.arch.NetDescription;
import dev.dawn.workloads.models.arch.Pool;
import dev.dawn.workloads.models.arch.PoolKind;
import dev.dawn.workloads.models.arch.Residual;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of any architecture, built from its {@link NetDescription}: variables are
 * created in description order (a residual's main path, then its projection), each conv's width
 * from {@link ConvWidths} and its input from its producer. Any input size works except where a
 * description uses VALID padding.
 */
final class DescribedModel implements Model {
  /** One layer's forward computation. */
  private interface Step {
    Operand<TFloat32> apply(ForwardPass pass, Operand<TFloat32> x);
  }

  private final ModelSpec spec;
  private final LayerFactory layers;
  private final List<Step> steps = new ArrayList<>();
  private int channels = 3;

  DescribedModel(ModelSpec spec, LayerFactory layers) {
    this.spec = spec;
    this.layers = layers;
    NetDescription net = spec.description();
    ConvWidths widths = ConvWidths.of(spec);
    for (Layer layer : net.layers()) {
      if (layer instanceof Conv c) {
        ConvUnit unit = unit(c, widths);
        steps.add(unit::apply);
      } else if (layer instanceof Pool p) {
        steps.add((pass, x) -> pool(pass.tf(), x, p));
      } else if (layer instanceof Residual r) {
        steps.add(residual(r, widths));
      } else if (layer instanceof GlobalPool g) {
        steps.add(
            (pass, x) ->
                g.kind() == PoolKind.MAX
                    ? layers.globalMaxPool(pass.tf(), x)
                    : layers.globalAveragePool(pass.tf(), x));
      } else if (layer instanceof Classifier c) {
        DenseLayer dense = layers.dense(c.name(), channels, c.classes(), c.bias());
        steps.add(
            (pass, x) ->
                c.scale() == 1f
                    ? dense.apply(pass, x)
                    : pass.tf().math.mul(dense.apply(pass, x), pass.constant(c.scale())));
      }
    }
  }

  private ConvUnit unit(Conv c, ConvWidths widths) {
    int out = widths.out(c.name());
    ConvUnit unit = new ConvUnit(layers, c, channels, out);
    channels = out;
    return unit;
  }

  private Step residual(Residual r, ConvWidths widths) {
    int in = channels;
    List<ConvUnit> main = new ArrayList<>();
    r.main().forEach(c -> main.add(unit(c, widths)));
    int out = channels;
    ConvUnit projection = null;
    if (r.shortcut() != null) {
      channels = in;
      projection = unit(r.shortcut().projection(), widths);
    } else if (in != out) {
      throw new IllegalArgumentException(
          "residual "
              + r.name()
              + " has an identity shortcut but maps "
              + in
              + " channels to "
              + out);
    }
    ConvUnit shortcut = projection;
    Pool shortcutPool = r.shortcut() == null ? null : r.shortcut().pool();
    return (pass, x) -> {
      Operand<TFloat32> y = x;
      for (ConvUnit unit : main) {
        y = unit.apply(pass, y);
      }
      Operand<TFloat32> s = x;
      if (shortcut != null) {
        s = shortcut.apply(pass, shortcutPool == null ? x : pool(pass.tf(), x, shortcutPool));
      }
      return r.afterAdd().apply(pass.tf(), pass.tf().math.add(y, s), v -> pass.constant((float) v));
    };
  }

  private Operand<TFloat32> pool(Ops tf, Operand<TFloat32> x, Pool p) {
    return p.kind() == PoolKind.MAX
        ? layers.maxPool(tf, x, p.window(), p.stride(), p.padding().name())
        : layers.avgPool(tf, x, p.window(), p.stride(), p.padding().name());
  }

  @Override
  public Operand<TFloat32> logits(ForwardPass pass, Operand<TFloat32> images) {
    Operand<TFloat32> x = layers.fromNhwc(pass.tf(), images);
    for (Step step : steps) {
      x = step.apply(pass, x);
    }
    return x;
  }

  @Override
  public List<TrainableWeight> trainables() {
    return layers.trainables();
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }
}
