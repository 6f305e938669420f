package dev.dawn.workloads.training.optimizers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An optimizer as a map describes it, bound by its {@code type} key. {@code weight_decay} is
 * required (it matters too much to default); keys left out are null and take the defaults of {@link
 * OptimizerFactory}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OptimizerSpec.Momentum.class, name = "momentum"),
  @JsonSubTypes.Type(value = OptimizerSpec.Lars.class, name = "lars")
})
public sealed interface OptimizerSpec {

  /** {@code momentum}: weight_decay, nesterov [false]. */
  record Momentum(
      @JsonProperty(value = "weight_decay", required = true) Double weightDecay, Boolean nesterov)
      implements OptimizerSpec {}

  /**
   * {@code lars}: weight_decay, eta [0.001], epsilon [0], nesterov [false], min_trust [0],
   * max_trust [+inf].
   */
  record Lars(
      @JsonProperty(value = "weight_decay", required = true) Double weightDecay,
      Double eta,
      Double epsilon,
      Boolean nesterov,
      @JsonProperty("min_trust") Double minTrust,
      @JsonProperty("max_trust") Double maxTrust)
      implements OptimizerSpec {}
}
