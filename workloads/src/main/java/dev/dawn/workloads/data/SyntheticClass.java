package dev.dawn.workloads.data;

/**
 * One synthetic class: an object shape filled with a texture. The class index maps through a stride
 * coprime with 100 so that a small class count (e.g. 10) still mixes different shapes and textures.
 */
public record SyntheticClass(int index, SyntheticShape shape, SyntheticTexture texture) {
  public static final int MAX_CLASSES =
      SyntheticShape.values().length * SyntheticTexture.values().length;
  private static final int STRIDE = 37;

  public static SyntheticClass of(int index) {
    if (index < 0 || index >= MAX_CLASSES) {
      throw new IllegalArgumentException(
          "class index must be in 0.." + (MAX_CLASSES - 1) + ", got " + index);
    }
    int combo = (int) ((long) index * STRIDE % MAX_CLASSES);
    int shapes = SyntheticShape.values().length;
    return new SyntheticClass(
        index, SyntheticShape.values()[combo % shapes], SyntheticTexture.values()[combo / shapes]);
  }

  /** ImageNet-style WordNet id; sorted wnid order equals class index order. */
  public String wnid() {
    return String.format("n%08d", index);
  }

  public String readableName() {
    return texture.adjective() + " " + shape.noun();
  }
}
