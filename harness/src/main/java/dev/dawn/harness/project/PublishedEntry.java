package dev.dawn.harness.project;

import java.util.List;

/**
 * A published multi-machine DAWNBench ImageNet training entry the projection is checked against.
 *
 * @param file base name of the entry's JSON and TSV under {@code ImageNet/train/} of the DAWNBench
 *     entries, or of its config when {@code config} is set; fits name entries by it
 * @param devices GPUs used, from the entry's hardware field
 * @param hardware device file name
 * @param otherHardware device files the entry may also have run on, when it does not say which
 *     (e.g. the memory size of its GPUs): its band spans them
 * @param network network file name: the cluster the entry ran on
 * @param stack software stack file name, from the entry's "framework" field and public writeup
 * @param config a training config (in {@code reference-configs/}) whose {@code reference:} block
 *     holds an entry the corpus no longer has (a record overwritten in place by a later one): its
 *     recipe, its published seconds at its last planned epoch; null for a corpus entry
 */
public record PublishedEntry(
    String label,
    String file,
    int devices,
    String hardware,
    List<String> otherHardware,
    String network,
    String stack,
    String config) {

  public PublishedEntry {
    otherHardware = List.copyOf(otherHardware);
  }

  /**
   * The entries of the check: fast.ai 4, 8 and 16 machines, Huawei's 16-machine MXNet (Dec 2018)
   * and TensorFlow (Mar 2019, May 2019), Alibaba's 1 and 16. Their stacks, from the JSONs: fast.ai
   * "ncluster / Pytorch 0.5.0a0+0e8088d", NCCL 2.2.13, fp16; Huawei "Huawei Optimized MXNet"; "TF
   * 1.8 + MoXing 1.12.4, Horovod 0.15.2" (Mar 2019, no XLA named) and "Moxing v1.13.0 + TensorFlow
   * v1.13.1" with XLA (May 2019), both mixed precision with Horovod fp16 compression; Alibaba
   * "AIACC-Training 1.3 + Tensorflow 2.1" with XLA and mixed precision. Huawei publishes neither
   * its GPUs' memory size nor its InfiniBand's rate: its entries span both V100 device files and
   * the ranges of the ModelArts network file.
   */
  public static final List<PublishedEntry> MULTI_MACHINE =
      List.of(
          corpus(
              "fast.ai 4 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_4_machine_pytorch",
              32,
              "v100-16gb",
              List.of(),
              "aws-p3-25gbit",
              "pytorch-2018-ddp-fp16"),
          corpus(
              "fast.ai 8 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_8_machine_pytorch",
              64,
              "v100-16gb",
              List.of(),
              "aws-p3-25gbit",
              "pytorch-2018-ddp-fp16"),
          corpus(
              "fast.ai 16 x p3.16xlarge (Sep 2018)",
              "fastai_resnet50_p3_16_machine_pytorch",
              128,
              "v100-16gb",
              List.of(),
              "aws-p3-25gbit",
              "pytorch-2018-ddp-fp16"),
          // "16 nodes with InfiniBand" (the TensorFlow entry on the same ModelArts service):
          // assumed
          // to be the same cluster.
          corpus(
              "Huawei 16 x 8 V100, MXNet (Dec 2018)",
              "huaweicloud_resnet50_modelarts_16_machine_mxnet121",
              128,
              "v100-16gb",
              List.of("v100-32gb"),
              "huawei-modelarts-ib",
              "mxnet-2018-fp16"),
          new PublishedEntry(
              "Huawei 16 x 8 V100, TensorFlow (Mar 2019)",
              "huawei-2019-03",
              128,
              "v100-16gb",
              List.of("v100-32gb"),
              "huawei-modelarts-ib",
              "tensorflow-amp",
              "huawei-2019-03.yaml"),
          corpus(
              "Huawei 16 x 8 V100, TensorFlow (May 2019)",
              "huaweicloud_resnet50_modelarts_16_machine_tensorflow18",
              128,
              "v100-16gb",
              List.of("v100-32gb"),
              "huawei-modelarts-ib",
              "tensorflow-xla-amp"),
          corpus(
              "Alibaba 1 x gn6e (Mar 2020)",
              "alibabacloud_resnet50_gn6e_1_machine_tensorflow",
              8,
              "v100-32gb",
              List.of(),
              "alibaba-vpc-32gbit",
              "tensorflow-xla-amp"),
          corpus(
              "Alibaba 16 x gn6e (Mar 2020)",
              "alibabacloud_resnet50_gn6e_16_machine_tensorflow",
              128,
              "v100-32gb",
              List.of(),
              "alibaba-vpc-32gbit",
              "tensorflow-xla-amp"));

  private static PublishedEntry corpus(
      String label,
      String file,
      int devices,
      String hardware,
      List<String> otherHardware,
      String network,
      String stack) {
    return new PublishedEntry(label, file, devices, hardware, otherHardware, network, stack, null);
  }
}
