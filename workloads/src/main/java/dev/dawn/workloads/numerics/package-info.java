/**
 * The host numerics check behind {@code dawn doctor}: does this CPU, with this TensorFlow build and
 * oneDNN setting, compute each precision dawn offers (fp32, bf16, fp16, int8) correctly on the ops
 * and layer patterns dawn's graphs use?
 *
 * <p>Every check runs dawn's own graph builders ({@code inference.net.NetGraph}, {@code
 * inference.quant.Int8ConvBuilder}, the training model's forward pass) and compares what the
 * kernels return with a reference computed in double precision in Java ({@link ReferenceLayers}).
 * An error is judged against a bound that follows from the arithmetic of the precision ({@link
 * ErrorBound}), element by element, never against a figure measured on one machine: a correct
 * kernel stays under it on every CPU, a wrong one (a bad fused op, a saturating INT8 dot product, a
 * race) lands far above it. Inside a whole net each layer is checked locally, from the input the
 * graph itself fed that layer ({@link NetLayerCheck}), so the first layer that leaves the bound is
 * named. {@link HostNumericsProbe} runs the suite and prints one JSON line per check.
 */
package dev.dawn.workloads.numerics;
