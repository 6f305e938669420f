#!/usr/bin/env bash
# INT8 ResNet-50 (224 px, b1, random weights) with TF threads intra/inter 1/1 against 0/0 (TF default: one per core),
# alternated twice; then where ResNet-50 training time goes in fp32 and bf16 (128 px, b32, 2 traced steps).
set -uo pipefail
export TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2
OUT="${OUT:-results/2026-11-30}"
date -u; uptime
for rep in 1 2; do for t in 1 0; do
  echo "-- rep $rep int8 threads $t/$t"
  bin/dawn infer --random-resnet50 224 --precision int8 --limit 60 --warmup 5 --prune 0 --batch-sizes 1 --batch-repeats 2 \
    --calibration-images 16 --intra-op $t --inter-op $t --results /tmp/dawn-threads 2>&1 | grep -E "^resnet50-random"
done; done
for p in fp32 bf16; do
  echo "-- resnet50 128 px b32 $p, profiled"
  bin/dawn throughput -c reference-configs/cpu-synthetic-resnet9.yaml --set model.architecture=resnet50 \
    --set model.width=1.0 --set model.variant=B --set train.batchSize=32 --set train.resolution=128 --set train.precision=$p \
    --rounds 1 --steps 2 --warmup 1 --profile 2 --results "$OUT" 2>&1 | grep -E "in memory|op profile"
done
date -u; uptime
