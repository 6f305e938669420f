#!/bin/sh
# Regenerates every file in this folder from the committed code (after `make build`), with the DAWNBench entries
# at ../shared/dawnbench-entries ($DAWNBENCH_ENTRIES works too). Run from the repository root. A projection is
# arithmetic: the files do not depend on the machine that computes them.
set -eu
D=results/2026-12-07-project
E=${DAWNBENCH_ENTRIES:-../shared/dawnbench-entries}/ImageNet/train
bin/dawn project check > $D/check.txt
bin/dawn project fit --hardware v100-16gb --network aws-p3-25gbit > $D/fit-v100-16gb-aws-p3-25gbit.txt
bin/dawn project fit --hardware v100-32gb --network alibaba-vpc-32gbit > $D/fit-v100-32gb-alibaba-vpc-32gbit.txt
# Huawei's March 2019 record (4:08) on its cluster, each V100 file alone and both (GPU memory not published), with
# its own stack (no XLA) and with the V100 files' own (XLA), as the issue's example ran it
for stack in tensorflow-amp tensorflow-xla-amp; do
  for hw in v100-16gb v100-32gb v100-16gb,v100-32gb; do
    bin/dawn project --config reference-configs/huawei-2019-03.yaml --hardware $hw --network huawei-modelarts-ib \
      --stack $stack --gpus 128 --out $D/$stack > $D/huawei-2019-03-$(echo $hw | tr , +)-128gpus-$stack.txt
  done
done
bin/dawn project --config reference-configs/huawei-2019-05.yaml --hardware v100-16gb,v100-32gb \
  --network huawei-modelarts-ib --gpus 128 --tsv $E/huaweicloud_resnet50_modelarts_16_machine_tensorflow18.tsv \
  --out $D > $D/huawei-2019-05-v100-16gb+v100-32gb-128gpus.txt
rm -f $D/*.svg $D/*/*.svg
