package dev.dawn.workloads.inference.bench;

import dev.dawn.workloads.data.DecodedImage;
import dev.dawn.workloads.data.EvalTransform;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * The batch-1 input of the latency pass: one tensor, refilled with each preprocessed image, so the
 * timed loop allocates neither a pixel array nor a native tensor per image (the garbage of both set
 * off collections inside timed images). Session.run reads the tensor during the call only, so
 * refilling it before the next call is safe.
 */
final class InputImage implements AutoCloseable {
  private final EvalTransform transform;
  private final float[] pixels;
  private final FloatDataBuffer pixelBuffer;
  private final TFloat32 tensor;

  InputImage(EvalTransform transform) {
    this.transform = transform;
    int side = transform.resolution();
    this.pixels = new float[side * side * 3];
    this.pixelBuffer = DataBuffers.of(pixels, true, false);
    this.tensor = TFloat32.tensorOf(Shape.of(1, side, side, 3));
  }

  /** Resizes, crops and normalises {@code image} into the tensor; returns the tensor. */
  TFloat32 fill(DecodedImage image) {
    transform.apply(image, pixels, 0);
    tensor.copyFrom(pixelBuffer);
    return tensor;
  }

  @Override
  public void close() {
    tensor.close();
  }
}
