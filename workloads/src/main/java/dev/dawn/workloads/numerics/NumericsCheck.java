package dev.dawn.workloads.numerics;

import java.util.function.Supplier;

/**
 * One check of the suite: an op or a whole graph in one precision.
 *
 * @param id stable key, e.g. {@code bf16/conv3x3-relu}
 * @param op what is computed, e.g. {@code conv 3x3 + bias + relu}
 * @param precision fp32, bf16, fp16 or int8
 * @param variant what else distinguishes it (INT8 weight bits), or empty
 */
public record NumericsCheck(
    String id, String op, String precision, String variant, Supplier<NetOutcome> run) {}
