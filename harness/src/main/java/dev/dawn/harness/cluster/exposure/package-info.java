/**
 * Who can reach a worker's TensorFlow server: this host's addresses ({@link
 * dev.dawn.harness.cluster.exposure.HostAddresses}), the scope of each ({@link
 * dev.dawn.harness.cluster.exposure.AddressScope}: loopback, link-local, private, reserved, public)
 * and the statement and refusal a worker makes before it starts its server ({@link
 * dev.dawn.harness.cluster.exposure.ServerExposure}).
 */
package dev.dawn.harness.cluster.exposure;
