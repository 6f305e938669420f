package dev.dawn.workloads.models.arch;

/**
 * The final fully connected layer on [N, C]: {@code classes} outputs, an optional bias, and a
 * constant output scale (ResNet-9's 1/8, airbench's 1/9; 1 for none), which BN folding folds into
 * the weights.
 */
public record Classifier(String name, int classes, boolean bias, float scale) implements Layer {}
