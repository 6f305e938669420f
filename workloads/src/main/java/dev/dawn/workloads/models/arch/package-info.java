/**
 * Each architecture's layer structure, described once as data ({@link
 * dev.dawn.workloads.models.arch.NetDescription} of {@link dev.dawn.workloads.models.arch.Layer}
 * records) in {@link dev.dawn.workloads.models.arch.Architectures}. The training graph ({@code
 * models.DescribedModel}), the per-conv widths and residual groups ({@code models.ConvWidths}), BN
 * folding into a {@code inference.net.FoldedNet} ({@code models.export.BnFolding}) and
 * random-weight nets ({@code models.export.RandomNets}) all walk the same description; INT8 graphs,
 * pruning groups, FLOP counts and the SavedModel description follow from the folded net.
 */
package dev.dawn.workloads.models.arch;
