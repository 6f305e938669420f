/**
 * {@code dawn project}: time to accuracy of a recipe on N devices from per-device throughput,
 * gradient all-reduce (ring or hierarchical, over the model's fusion buckets) and the input
 * pipeline, each a named parameter of a hardware file; and the check of that model against the
 * published multi-machine DAWNBench entries.
 */
package dev.dawn.harness.project;
