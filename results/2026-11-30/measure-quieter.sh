#!/usr/bin/env bash
# Repeat of the key ratios when the shared machine's load had dropped (05:23 UTC): INT8 ceiling vs whole net, ResNet-50
# training fp32 vs bf16 (alternated), ResNet-50 INT8 with threads 1/1 vs 0/0 (alternated).
set -uo pipefail
export TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2
date -u; uptime
java -cp benchmarks/target/benchmarks.jar dev.dawn.benchmarks.Int8CeilingRatio 224 7 1500 2>&1 | grep -v "^WARNING\|^I0000"
uptime
for rep in 1 2; do for p in fp32 bf16; do
  echo "-- rep $rep resnet50 128 px b32 $p"
  bin/dawn throughput -c reference-configs/cpu-synthetic-resnet9.yaml --set model.architecture=resnet50 \
    --set model.width=1.0 --set model.variant=B --set train.batchSize=32 --set train.resolution=128 --set train.precision=$p \
    --rounds 2 --steps 4 --warmup 2 2>&1 | grep -E "in memory"
done; done
uptime
for rep in 1 2; do for t in 1 0; do
  echo "-- rep $rep int8 threads $t/$t"
  bin/dawn infer --random-resnet50 224 --precision int8 --limit 60 --warmup 5 --prune 0 --batch-sizes 1 --batch-repeats 2 \
    --calibration-images 16 --intra-op $t --inter-op $t --results /tmp/dawn-threads 2>&1 | grep -E "^resnet50-random"
done; done
date -u; uptime
