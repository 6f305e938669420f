package dev.dawn.workloads.training.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What a config says about a schedule, bound from YAML/JSON by its {@code type} key. Keys a config
 * may leave out are null here: the recipe fills some ({@code initial} from the learning rate, ...),
 * {@link ScheduleFactory} the rest (TensorFlow's defaults) and says which required key is still
 * missing. Keys keep the snake_case of the published recipes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ScheduleSpec {

  /** The config name of this spec's type, e.g. {@code linear_cosine}. */
  default String typeName() {
    return SpecReader.typeName(getClass());
  }

  /** A learning-rate schedule: every type but {@code dynamic_momentum}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Warmup.class, name = "linear_warmup"),
    @JsonSubTypes.Type(value = LinearCosine.class, name = "linear_cosine"),
    @JsonSubTypes.Type(value = Polynomial.class, name = "polynomial"),
    @JsonSubTypes.Type(value = Piecewise.class, name = "piecewise_linear"),
    @JsonSubTypes.Type(value = Step.class, name = "step")
  })
  sealed interface LearningRate extends ScheduleSpec
      permits Constant, Warmup, LinearCosine, Polynomial, Piecewise, Step {}

  /** A momentum schedule; {@code dynamic_momentum} follows the run's learning rate. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = Piecewise.class, name = "piecewise_linear"),
    @JsonSubTypes.Type(value = Step.class, name = "step"),
    @JsonSubTypes.Type(value = Dynamic.class, name = "dynamic_momentum")
  })
  sealed interface Momentum extends ScheduleSpec permits Constant, Piecewise, Step, Dynamic {}

  /** {@code constant}: value. */
  record Constant(Double value) implements LearningRate, Momentum {
    public Constant withValue(double fallback) {
      return value != null ? this : new Constant(fallback);
    }
  }

  /**
   * {@code linear_warmup}: epochs, start [0], after (the schedule that follows, on absolute
   * epochs).
   */
  record Warmup(
      @JsonProperty(required = true) Double epochs,
      Double start,
      @JsonProperty(required = true) LearningRate after)
      implements LearningRate {}

  /**
   * {@code linear_cosine}: initial, decayEpochs, startEpoch [0], alpha [0], beta [0.001],
   * numPeriods [0.5].
   */
  record LinearCosine(
      Double initial,
      @JsonProperty("decayEpochs") Double decayEpochs,
      @JsonProperty("startEpoch") Double startEpoch,
      Double alpha,
      Double beta,
      @JsonProperty("numPeriods") Double numPeriods)
      implements LearningRate {
    /** Keys the config left out, taken from the recipe. */
    public LinearCosine orRecipe(
        double recipeInitial, double recipeStart, double recipeDecayEpochs) {
      return new LinearCosine(
          initial != null ? initial : recipeInitial,
          decayEpochs != null ? decayEpochs : recipeDecayEpochs,
          startEpoch != null ? startEpoch : recipeStart,
          alpha,
          beta,
          numPeriods);
    }
  }

  /** {@code polynomial}: initial, end, power, endEpoch, startEpoch [0]. */
  record Polynomial(
      Double initial,
      Double end,
      Double power,
      @JsonProperty("endEpoch") Double endEpoch,
      @JsonProperty("startEpoch") Double startEpoch)
      implements LearningRate {
    public Polynomial orRecipe(
        double recipeInitial,
        double recipeStart,
        double recipeEndEpoch,
        double recipeEnd,
        double recipePower) {
      return new Polynomial(
          initial != null ? initial : recipeInitial,
          end != null ? end : recipeEnd,
          power != null ? power : recipePower,
          endEpoch != null ? endEpoch : recipeEndEpoch,
          startEpoch != null ? startEpoch : recipeStart);
    }
  }

  /** {@code piecewise_linear}: epochs and values, lists of equal length. */
  record Piecewise(
      @JsonProperty(required = true) List<Double> epochs,
      @JsonProperty(required = true) List<Double> values)
      implements LearningRate, Momentum {
    public Piecewise {
      epochs = List.copyOf(epochs);
      values = List.copyOf(values);
      if (epochs.size() != values.size()) {
        throw new IllegalArgumentException(
            "'epochs' has "
                + epochs.size()
                + " entries but 'values' has "
                + values.size()
                + "; they must pair up");
      }
    }
  }

  /** {@code step}: boundaries and either values (one more than boundaries) or initial + factor. */
  record Step(
      @JsonProperty(required = true) List<Double> boundaries,
      List<Double> values,
      Double initial,
      Double factor)
      implements LearningRate, Momentum {
    public Step {
      boundaries = List.copyOf(boundaries);
      if ((values == null) == (factor == null)) {
        throw new IllegalArgumentException(
            "schedule type 'step' needs exactly one of 'values' or 'factor'"
                + (values != null ? ", got both" : ", got neither"));
      }
      if (values != null && initial != null) {
        throw new IllegalArgumentException("key 'initial' only goes with 'factor'");
      }
      values = values == null ? null : List.copyOf(values);
    }

    public Step orRecipe(double recipeInitial) {
      return factor != null && initial == null
          ? new Step(boundaries, null, recipeInitial, factor)
          : this;
    }
  }

  /**
   * {@code dynamic_momentum} (momentum only): min, max, minLr, maxLr; high momentum while the rate
   * is low.
   */
  record Dynamic(
      @JsonProperty(required = true) Double min,
      @JsonProperty(required = true) Double max,
      @JsonProperty(value = "minLr", required = true) Double minLr,
      @JsonProperty(value = "maxLr", required = true) Double maxLr)
      implements Momentum {}
}
