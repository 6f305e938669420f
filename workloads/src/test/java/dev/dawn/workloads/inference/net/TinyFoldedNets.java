package dev.dawn.workloads.inference.net;

import java.util.List;

/** Small hand-built nets with every layer kind a ResNet has, for tests of the graph builders. */
public final class TinyFoldedNets {
  private TinyFoldedNets() {}

  /**
   * stem conv -> identity block -> projection block (strided 1x1 projection, or ResNet-D's 2x2
   * average pool then a stride-1 projection) -> max pool -> global average pool -> dense.
   */
  public static FoldedNet resnet(int hw, int classes, boolean averageDown) {
    RandomFoldedNets r = new RandomFoldedNets(5);
    return new FoldedNet(
        hw,
        hw,
        3,
        List.of(
            r.conv("stem", 3, 3, 16, 1, true),
            new ResidualBlock(
                "b1",
                List.of(r.conv("b1_a", 3, 16, 16, 1, true), r.conv("b1_b", 3, 16, 16, 1, false)),
                null),
            new ResidualBlock(
                "b2",
                List.of(r.conv("b2_a", 3, 16, 32, 2, true), r.conv("b2_b", 3, 32, 32, 1, false)),
                r.conv("b2_proj", 1, 16, 32, averageDown ? 1 : 2, false),
                averageDown ? new AvgPool(2, 2, Padding.SAME) : null),
            new MaxPool(2, 2, Padding.SAME),
            new GlobalAvgPool(),
            r.dense("fc", 32, classes)));
  }
}
