package dev.dawn.harness.project;

import java.util.List;

/**
 * A published multi-machine DAWNBench ImageNet training entry the projection is checked against.
 *
 * @param file base name of the entry's JSON and TSV under {@code ImageNet/train/} of the DAWNBench
 *     entries
 * @param devices GPUs used, from the entry's hardware field
 * @param hardware hardware file name
 * @param stack software stack file name, from the entry's "framework" field and public writeup
 * @param hardwareOverrides what the entry's machines differ in from that file, each from the
 *     entry's public description
 */
public record PublishedEntry(
    String label,
    String file,
    int devices,
    String hardware,
    String stack,
    List<String> hardwareOverrides) {

  /**
   * The entries of the check: fast.ai 4, 8 and 16 machines, Huawei's 16-machine MXNet and
   * TensorFlow, Alibaba's 1 and 16. Their stacks, from the JSONs: fast.ai "ncluster / Pytorch
   * 0.5.0a0+0e8088d", NCCL 2.2.13, fp16; Huawei "Huawei Optimized MXNet", and "Moxing v1.13.0 +
   * TensorFlow v1.13.1" with XLA, mixed precision, Horovod 0.15.2 and fp16 compression; Alibaba
   * "AIACC-Training 1.3 + Tensorflow 2.1" with XLA and mixed precision.
   */
  public static final List<PublishedEntry> MULTI_MACHINE =
      List.of(
          new PublishedEntry(
              "fast.ai 4 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_4_machine_pytorch",
              32,
              "v100-16gb",
              "pytorch-2018-ddp-fp16",
              List.of()),
          new PublishedEntry(
              "fast.ai 8 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_8_machine_pytorch",
              64,
              "v100-16gb",
              "pytorch-2018-ddp-fp16",
              List.of()),
          new PublishedEntry(
              "fast.ai 16 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_16_machine_pytorch",
              128,
              "v100-16gb",
              "pytorch-2018-ddp-fp16",
              List.of()),
          // "16 nodes with InfiniBand" (the TensorFlow entry on the same ModelArts service): the
          // rate is not published, 100 Gbit/s (EDR) assumed.
          new PublishedEntry(
              "Huawei 16 x 8 V100, MXNet (Dec 2018)",
              "huaweicloud_resnet50_modelarts_16_machine_mxnet121",
              128,
              "v100-16gb",
              "mxnet-2018-fp16",
              List.of("network.gigabitsPerSecond=100")),
          new PublishedEntry(
              "Huawei 16 x 8 V100, TensorFlow (May 2019)",
              "huaweicloud_resnet50_modelarts_16_machine_tensorflow18",
              128,
              "v100-16gb",
              "tensorflow-xla-amp",
              List.of("network.gigabitsPerSecond=100")),
          new PublishedEntry(
              "Alibaba 1 x gn6e (Mar 2020)",
              "alibabacloud_resnet50_gn6e_1_machine_tensorflow",
              8,
              "v100-32gb",
              "tensorflow-xla-amp",
              List.of()),
          new PublishedEntry(
              "Alibaba 16 x gn6e (Mar 2020)",
              "alibabacloud_resnet50_gn6e_16_machine_tensorflow",
              128,
              "v100-32gb",
              "tensorflow-xla-amp",
              List.of()));
}
