package dev.dawn.workloads.models.arch;

/** One step of a {@link NetDescription}. */
public sealed interface Layer permits Conv, Pool, Residual, GlobalPool, Classifier {}
