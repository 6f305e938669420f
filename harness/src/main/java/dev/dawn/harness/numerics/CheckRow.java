package dev.dawn.harness.numerics;

import dev.dawn.workloads.numerics.CheckResult;

/**
 * A check's result with the kernels that ran it.
 *
 * @param kernels oneDNN's primitive implementations seen during the check (e.g. {@code
 *     brg_conv_fwd:avx2}), or {@code TensorFlow (no oneDNN primitive)}
 */
public record CheckRow(CheckResult result, String kernels) {}
