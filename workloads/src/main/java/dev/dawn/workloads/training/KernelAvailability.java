package dev.dawn.workloads.training;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.dawn.workloads.precision.Precision;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.KernelList;

/**
 * Checks at graph-build time that the TensorFlow build registers a kernel for every op that
 * computes in a reduced precision. Without it a missing half/bfloat16 kernel only shows up at the
 * first {@code Session.run}, as an error about the device placement of one node. Kernels are looked
 * up in the process-wide registry (any device, so the GPU build's kernels count), once per op type
 * and dtype.
 */
final class KernelAvailability {
  private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();
  private static final java.util.Set<String> EXECUTING_DEVICES =
      java.util.Set.of("CPU", "GPU", "DEFAULT");

  private KernelAvailability() {}

  /**
   * @throws MissingKernelException naming the ops (and dtype) this TensorFlow build cannot run
   */
  static void require(Graph graph, Precision precision) {
    if (!precision.isMixed()) {
      return;
    }
    DataType dtype = precision.dataType();
    TreeSet<String> missing = new TreeSet<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (producesOrConsumes(op, dtype) && !hasKernel(op.type(), dtype)) {
        missing.add(op.type());
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingKernelException(
          "precision "
              + precision.configName()
              + ": this TensorFlow build ("
              + org.tensorflow.TensorFlow.version()
              + ") registers no "
              + dtype
              + " kernel for op(s) "
              + missing
              + "; use precision fp32"
              + (precision == Precision.FP16 ? " or bf16, or a GPU build (gpu profile)" : ""));
    }
  }

  private static boolean producesOrConsumes(GraphOperation op, DataType dtype) {
    for (int i = 0; i < op.numOutputs(); i++) {
      if (op.output(i).dataType() == dtype) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when some CPU or GPU kernel of the op has no type constraint or one that allows {@code
   * dtype}. XLA's {@code XLA_*_JIT} registrations (added once the first session exists) only
   * compile clusters and do not count.
   */
  static boolean hasKernel(String opType, DataType dtype) {
    return CACHE.computeIfAbsent(
        opType + "/" + dtype,
        key -> {
          for (KernelDef kernel : kernelsOf(opType).getKernelList()) {
            if (!EXECUTING_DEVICES.contains(kernel.getDeviceType())) {
              continue;
            }
            boolean typed = false;
            for (KernelDef.AttrConstraint c : kernel.getConstraintList()) {
              var allowed = c.getAllowedValues().getList().getTypeList();
              if (!allowed.isEmpty()) {
                typed = true;
                if (allowed.contains(dtype)) {
                  return true;
                }
              }
            }
            if (!typed) {
              return true;
            }
          }
          return false;
        });
  }

  private static KernelList kernelsOf(String opType) {
    TF_Status status = TF_Status.newStatus();
    try {
      TF_Buffer buffer = tensorflow.TF_GetRegisteredKernelsForOp(opType, status);
      status.throwExceptionIfNotOK();
      try {
        return KernelList.parseFrom(buffer.copyData());
      } finally {
        buffer.delete();
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot read the kernel list of op " + opType, e);
    } finally {
      status.delete();
    }
  }
}
