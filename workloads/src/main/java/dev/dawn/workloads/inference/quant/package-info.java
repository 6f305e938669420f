/**
 * INT8 post-training quantization on oneDNN (needs {@code TF_ENABLE_ONEDNN_OPTS=1}, see {@link
 * dev.dawn.workloads.inference.quant.OneDnn}).
 *
 * <ul>
 *   <li>Math: {@link dev.dawn.workloads.inference.quant.Uint8Affine} (activations), {@link
 *       dev.dawn.workloads.inference.quant.Int8PerChannel} (weights, per output channel).
 *   <li>Calibration: {@link dev.dawn.workloads.inference.quant.MinMaxCalibrator}, {@link
 *       dev.dawn.workloads.inference.quant.PercentileCalibrator}, {@link
 *       dev.dawn.workloads.inference.quant.EntropyCalibrator} (TensorRT KL), and {@link
 *       dev.dawn.workloads.inference.quant.Calibration} to run them over a FP32 graph's
 *       activations.
 *   <li>Graphs: {@link dev.dawn.workloads.inference.quant.Int8ConvBuilder} (single fused INT8
 *       convs) and {@link dev.dawn.workloads.inference.quant.Int8GraphBuilder} (a whole folded
 *       net).
 * </ul>
 */
package dev.dawn.workloads.inference.quant;
