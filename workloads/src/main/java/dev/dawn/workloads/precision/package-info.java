/**
 * The precisions a graph computes in and their arithmetic (unit roundoff), used by the models, the
 * inference graphs and the host numerics check alike; it depends on nothing else of dawn.
 */
package dev.dawn.workloads.precision;
