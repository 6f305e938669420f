#!/bin/sh
# Regenerates every file in this folder from the committed code (after `make build`), with the DAWNBench entries
# at ../shared/dawnbench-entries ($DAWNBENCH_ENTRIES works too). Run from the repository root.
# Written for the code of 2026-11-30, whose hardware files held their network; since the network became a file of
# its own (issue 23) the commands differ: results/2026-12-07-project/run.sh regenerates the same figures.
set -eu
D=results/2026-11-30-project
E=${DAWNBENCH_ENTRIES:-../shared/dawnbench-entries}/ImageNet/train
bin/dawn project check                    > $D/check.txt
bin/dawn project fit --hardware v100-16gb > $D/fit-v100-16gb.txt
bin/dawn project fit --hardware v100-32gb > $D/fit-v100-32gb.txt
bin/dawn project --config reference-configs/alibaba-2020-03.yaml --hardware v100-32gb --gpus 128 \
  --tsv $E/alibabacloud_resnet50_gn6e_16_machine_tensorflow.tsv --fusion-sweep --out $D \
  > $D/alibaba-2020-03-v100-32gb-128gpus.txt
bin/dawn project --config reference-configs/huawei-2019-05.yaml --hardware v100-16gb --stack tensorflow-xla-amp \
  --hw network.gigabitsPerSecond=100 --gpus 128 \
  --tsv $E/huaweicloud_resnet50_modelarts_16_machine_tensorflow18.tsv --out $D \
  > $D/huawei-2019-05-v100-16gb-128gpus.txt
rm -f $D/*.svg
