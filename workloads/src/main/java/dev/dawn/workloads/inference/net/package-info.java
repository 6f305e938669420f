/**
 * A BN-folded inference net as records ({@link dev.dawn.workloads.inference.net.FoldedNet} of
 * {@link dev.dawn.workloads.inference.net.LayerSpec}: FoldedConv, ResidualBlock with an optional
 * shortcut {@link dev.dawn.workloads.inference.net.AvgPool}, MaxPool, GlobalAvgPool, Dense,
 * ActivationLayer) and its graph with constant weights in fp32, bf16 or fp16 ({@link
 * dev.dawn.workloads.inference.net.NetGraph}). The model owner folds BN into these records; {@code
 * inference.quant.Int8GraphBuilder} turns the same records into an INT8 graph.
 */
package dev.dawn.workloads.inference.net;
