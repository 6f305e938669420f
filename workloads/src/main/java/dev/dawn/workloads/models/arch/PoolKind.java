package dev.dawn.workloads.models.arch;

/** Max or average pooling. */
public enum PoolKind {
  MAX,
  AVG
}
