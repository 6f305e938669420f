package dev.dawn.harness.project;

import java.util.ArrayList;
import java.util.List;

/**
 * Time to train a recipe on a cluster, epoch by epoch: every epoch runs {@link
 * RecipePlan#stepsPerEpoch} steps of {@link StepModel#step}.
 */
public record Projection(
    String recipe, String hardware, int devices, int messages, List<EpochProjection> epochs) {

  public Projection {
    epochs = List.copyOf(epochs);
  }

  /**
   * The plan's epochs 1..{@code lastEpoch} (its planned last epoch when {@code lastEpoch} is 0).
   */
  public static Projection of(
      RecipePlan plan, StepModel model, String hardware, int devices, int lastEpoch) {
    int last = lastEpoch <= 0 ? plan.epochs().size() : lastEpoch;
    if (last > plan.epochs().size()) {
      throw new IllegalArgumentException(
          "epoch " + last + " is past the recipe's last epoch " + plan.epochs().size());
    }
    List<EpochProjection> out = new ArrayList<>();
    double cumulative = 0;
    for (RecipePlan.EpochPlan e : plan.epochs().subList(0, last)) {
      long steps = plan.stepsPerEpoch(e.globalBatch());
      StepTime t = model.step(e.resolution(), e.globalBatch());
      double compute = steps * t.compute() / 3600;
      double comm = steps * t.exposedCommunication() / 3600;
      double input = steps * t.inputWait() / 3600;
      cumulative += compute + comm + input;
      out.add(
          new EpochProjection(
              e.epoch(), e.resolution(), e.globalBatch(), steps, compute, comm, input, cumulative));
    }
    return new Projection(plan.name(), hardware, devices, model.messages(), out);
  }

  public double totalHours() {
    return epochs.get(epochs.size() - 1).cumulativeHours();
  }

  public double computeHours() {
    return epochs.stream().mapToDouble(EpochProjection::computeHours).sum();
  }

  public double communicationHours() {
    return epochs.stream().mapToDouble(EpochProjection::communicationHours).sum();
  }

  public double inputHours() {
    return epochs.stream().mapToDouble(EpochProjection::inputHours).sum();
  }
}
