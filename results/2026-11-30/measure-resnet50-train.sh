#!/usr/bin/env bash
# ResNet-50 v1.5 training images/s at 128 px, batch 32: fp32 and bf16 alternated twice (synthetic data, in memory).
set -uo pipefail
export TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2
date -u; uptime
for rep in 1 2; do for p in fp32 bf16; do
  echo "-- rep $rep resnet50 128 px b32 $p"
  bin/dawn throughput -c reference-configs/cpu-synthetic-resnet9.yaml --set model.architecture=resnet50 \
    --set model.width=1.0 --set model.variant=B --set train.batchSize=32 --set train.resolution=128 --set train.precision=$p \
    --rounds 1 --steps 4 --warmup 1 2>&1 | grep -E "in memory|fed by"
done; done
date -u; uptime
