package dev.dawn.workloads.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearBaselineTest {
  /** Class 0 is dark, class 1 bright (with a little per-image variation): linearly separable. */
  private static List<ImageSource> images(int perClass, int offset) {
    List<ImageSource> out = new ArrayList<>();
    for (int cls = 0; cls < 2; cls++) {
      for (int i = 0; i < perClass; i++) {
        int base = cls == 0 ? 40 : 200;
        int jitter = (i + offset) * 7 % 30;
        out.add(
            TestImages.source(
                cls + "/" + i, cls, TestImages.image(12, 12, (x, y, c) -> base + jitter)));
      }
    }
    return out;
  }

  @Test
  void learnsALinearlySeparableProblem() {
    ImageDataset ds =
        new ImageDataset() {
          @Override
          public String name() {
            return "dark-bright";
          }

          @Override
          public List<String> classNames() {
            return List.of("dark", "bright");
          }

          @Override
          public List<ImageSource> train() {
            return images(20, 0);
          }

          @Override
          public List<ImageSource> validation() {
            return images(5, 3);
          }
        };

    LinearBaseline.Result r = new LinearBaseline(8, 5, 1e-2, 0, 1).run(ds);

    assertThat(r.trainImages()).isEqualTo(40);
    assertThat(r.valImages()).isEqualTo(10);
    assertThat(r.valTop1()).isEqualTo(1.0);
    assertThat(r.valTop5()).isEqualTo(1.0);
  }
}
