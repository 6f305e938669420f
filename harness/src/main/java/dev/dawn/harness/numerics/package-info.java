/**
 * The host numerics check as the CLI uses it: {@code dawn doctor} runs workloads' {@code
 * HostNumericsProbe} in a child JVM per setting (oneDNN on or off, an ISA cap), ties oneDNN's
 * verbose lines to each check to name the kernel that ran, and caches the report per CPU,
 * TensorFlow and dawn build ({@link NumericsCache}). Before a run computes in a reduced precision,
 * {@link NumericsGate} reads that report and goes, takes the correct path (7-bit INT8 weights,
 * oneDNN off) saying so, or refuses in one line.
 */
package dev.dawn.harness.numerics;
