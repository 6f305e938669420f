/**
 * One inference variant measured the DAWNBench way ({@code dawn infer}): a folded net, optionally
 * pruned and INT8 quantized ({@link dev.dawn.workloads.inference.bench.InferenceModel}), classifies
 * every validation image one at a time ({@link dev.dawn.workloads.inference.bench.InferenceBench}),
 * then runs the batch-size sweep. The result is raw timings and predictions ({@link
 * dev.dawn.workloads.inference.bench.VariantMeasurement}); statistics and events are made by the
 * harness.
 */
package dev.dawn.workloads.inference.bench;
