package dev.dawn.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dawn.workloads.training.schedule.ScheduleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The full forms against the DAWNBench entries they cite: per-epoch resolution and batch, optimizer
 * constants. Reads the real corpus, which is never copied into the repository.
 */
class ReferenceConfigsMatchEntriesTest {
  static Path entries;

  @BeforeAll
  static void findCorpus() {
    String env = System.getenv("DAWNBENCH_ENTRIES");
    Path candidate =
        env != null ? Path.of(env) : Path.of("..", "..", "shared", "dawnbench-entries");
    Assumptions.assumeTrue(
        Files.isDirectory(candidate.resolve("ImageNet")),
        "DAWNBench entries not found at "
            + candidate.toAbsolutePath()
            + "; clone "
            + "https://github.com/stanford-futuredata/dawn-bench-entries and set DAWNBENCH_ENTRIES to it");
    entries = candidate;
  }

  static JsonNode misc(String file) throws Exception {
    return new ObjectMapper().readTree(entries.resolve(file).toFile()).path("misc");
  }

  static TrainConfig config(String name) {
    return new ConfigLoader()
        .load(Path.of("..", "reference-configs", name + ".yaml"), List.of())
        .config();
  }

  /** [{key: v, epochs: n}, ...] as one value per epoch. */
  static List<Integer> perEpoch(JsonNode segments, String key) {
    List<Integer> out = new ArrayList<>();
    for (JsonNode s : segments)
      for (int i = 0; i < s.path("epochs").asInt(); i++) out.add(s.path(key).asInt());
    return out;
  }

  static void phasesMatch(TrainConfig c, JsonNode misc) {
    List<Integer> sizes = perEpoch(misc.path("imageSize"), "image_size");
    List<Integer> batches = perEpoch(misc.path("batchSize"), "batch_size");
    assertThat(c.train().epochs()).isEqualTo(sizes.size()).isEqualTo(batches.size());
    for (int epoch = 1; epoch <= c.train().epochs(); epoch++) {
      assertThat(c.train().phaseOf(epoch).resolution())
          .as(c.name() + " resolution, epoch " + epoch)
          .isEqualTo(sizes.get(epoch - 1));
      assertThat(c.train().phaseOf(epoch).batchSize())
          .as(c.name() + " batch, epoch " + epoch)
          .isEqualTo(batches.get(epoch - 1));
    }
  }

  @Test
  void huaweiMay2019() throws Exception {
    JsonNode m = misc("ImageNet/train/huaweicloud_resnet50_modelarts_16_machine_tensorflow18.json");
    TrainConfig c = config("huawei-2019-05");
    phasesMatch(c, m);
    assertThat(c.optimizer().name().configName())
        .isEqualTo(m.path("use_lars").asBoolean() ? "lars" : "momentum");
    assertThat(c.optimizer().nesterov()).isEqualTo(m.path("use_nesterov").asBoolean());
    assertThat(c.optimizer().weightDecay()).isEqualTo(m.path("weightDecay").asDouble());
    assertThat(c.optimizer().learningRate())
        .isEqualTo(m.path("schedule").path("max_lr").asDouble());
    var mom = (ScheduleSpec.Dynamic) c.optimizer().momentumSchedule();
    assertThat(mom.min()).isEqualTo(m.path("min_momentum").asDouble());
    assertThat(mom.max()).isEqualTo(m.path("max_momentum").asDouble());
    assertThat(mom.minLr()).isEqualTo(m.path("schedule").path("min_lr").asDouble());
  }

  @Test
  void alibaba2020() throws Exception {
    JsonNode m = misc("ImageNet/train/alibabacloud_resnet50_gn6e_16_machine_tensorflow.json");
    TrainConfig c = config("alibaba-2020-03");
    phasesMatch(c, m);
    assertThat(c.optimizer().weightDecay()).isEqualTo(m.path("weight_decay").asDouble());
    assertThat(c.optimizer().labelSmoothing()).isEqualTo(m.path("smooth_label").asDouble());
    assertThat(c.optimizer().larsEta()).isEqualTo(m.path("etta").asDouble());
    assertThat(c.optimizer().warmupEpochs()).isEqualTo(m.path("warmup_epochs").asDouble());
    assertThat(c.optimizer().learningRate())
        .isEqualTo(m.path("schedule").path("max_lr").asDouble());
    assertThat(((ScheduleSpec.Polynomial) c.optimizer().schedule()).end())
        .isEqualTo(m.path("schedule").path("min_lr").asDouble());
    assertThat(c.data().minCropScale())
        .isEqualTo(m.path("imageSize").get(0).path("min_scale").asDouble());
  }

  @Test
  void fastAi2018() throws Exception {
    JsonNode m = misc("ImageNet/train/fastai_resnet50_p3_16_machine_pytorch.json");
    TrainConfig c = config("fastai-2018-09");
    phasesMatch(c, m);
    assertThat(c.optimizer().momentum()).isEqualTo(m.path("momentum").asDouble());
    assertThat(c.optimizer().weightDecay()).isEqualTo(m.path("weightDecay").asDouble());
    var lr = dev.dawn.harness.train.RecipeSchedules.of(c).learningRate();
    int start = 0;
    for (JsonNode segment : m.path("schedule")) {
      JsonNode values = segment.path("learning_rate");
      int end = start + segment.path("epochs").asInt();
      assertThat(lr.at(start))
          .as("lr at the start of epoch " + start)
          .isCloseTo(values.get(0).asDouble(), within(1e-6));
      double last = values.get(values.size() - 1).asDouble();
      assertThat(lr.at(end - 0.001))
          .as("lr just before epoch " + end)
          .isCloseTo(last, within(0.001 * last));
      start = end;
    }
  }

  @Test
  void googleHalfTpuPod() throws Exception {
    JsonNode m = misc("ImageNet/train/google_resnet50_tpupod_tensorflow18.json");
    TrainConfig c = config("google-tpupod-2018-04");
    assertThat(c.train().batchSize()).isEqualTo(m.path("batchSize").asInt());
    assertThat(c.optimizer().momentum()).isEqualTo(m.path("momentum").asDouble());
    assertThat(c.optimizer().weightDecay()).isEqualTo(m.path("weightDecay").asDouble());
    var lr = dev.dawn.harness.train.RecipeSchedules.of(c).learningRate();
    int epoch = 0;
    for (JsonNode segment : m.path("schedule")) {
      // The JSON lists the rate at the start of each segment (per-epoch values during the warmup
      // ramp).
      assertThat(lr.at(epoch))
          .as("lr at epoch " + epoch)
          .isCloseTo(segment.path("learning_rate").asDouble(), within(1e-9));
      epoch += segment.path("epochs").asInt();
    }
    assertThat(c.train().epochs()).isEqualTo(epoch);
  }

  @Test
  void pageResNet9() throws Exception {
    JsonNode m = misc("CIFAR10/train/davidcpage_resnet9_1v100-ec2_pytorch.json");
    TrainConfig c = config("page-resnet9-cifar10");
    assertThat(c.train().batchSize()).isEqualTo(m.path("batchSize").asInt());
    assertThat(c.optimizer().momentum()).isEqualTo(m.path("momentum").asDouble());
    assertThat(c.optimizer().weightDecay()).isEqualTo(m.path("weightDecay").asDouble());
    var lr = dev.dawn.harness.train.RecipeSchedules.of(c).learningRate();
    JsonNode epochs = m.path("learningRate").path("epochs");
    JsonNode values = m.path("learningRate").path("values");
    for (int i = 0; i < epochs.size(); i++) {
      assertThat(lr.at(epochs.get(i).asDouble()))
          .isCloseTo(values.get(i).asDouble(), within(1e-12));
    }
    assertThat(c.train().epochs()).isEqualTo(epochs.get(epochs.size() - 1).asInt());
  }
}
