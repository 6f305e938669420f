/**
 * Private Linux network namespaces for worker processes that must reach only each other
 * (TensorFlow's gRPC server listens on every interface and runs any op for anyone who connects).
 * {@link dev.dawn.harness.cluster.netns.PrivateNetwork} makes one, the way the machine allows:
 * {@link dev.dawn.harness.cluster.netns.NamedNamespace} ({@code ip netns}, as root) or {@link
 * dev.dawn.harness.cluster.netns.UserNamespace} (an unprivileged user namespace); {@link
 * dev.dawn.harness.cluster.netns.NetworkNamespace#enter} turns a command into one that runs inside;
 * {@link dev.dawn.harness.cluster.netns.NamespaceTeardown} removes what a stopped JVM left open;
 * {@link dev.dawn.harness.cluster.netns.NetTool} runs {@code ip} and {@code tc} with a time limit.
 * {@link dev.dawn.harness.cluster.netns.EmulatedNetwork} puts several hosts on one machine: a
 * namespace per worker, veth links through a switch, each capped at a rate by a {@link
 * dev.dawn.harness.cluster.netns.TokenBucket}.
 */
package dev.dawn.harness.cluster.netns;
