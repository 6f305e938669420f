/** Data-parallel training pieces that need no TensorFlow session: how gradients are grouped into all-reduce messages. */
package dev.dawn.workloads.distributed;
