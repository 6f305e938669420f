#!/usr/bin/env bash
# Issue 12 measurements (INT8 ceiling, op profiles, bf16 inference and training). Run from the repository root after
# `make build`. MODEL = a bench-train run folder with weights (bin/dawn train --config
# reference-configs/cpu-synthetic-resnet9.yaml). Every inference run folder lands under $OUT/runs.
set -uo pipefail
MODEL="${MODEL:?set MODEL to a trained cpu-synthetic-resnet9 run folder}"
OUT="${OUT:-results/2026-11-30}"
export TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2
date -u; uptime; grep -m1 "model name" /proc/cpuinfo; grep -m1 flags /proc/cpuinfo | tr ' ' '\n' | grep -E 'avx512|vnni|amx|bf16' | tr '\n' ' '; echo
echo "== 1. INT8/FP32 speed-up, whole ResNet-50 (224 px, b1) next to one conv layer, same process"
java -cp benchmarks/target/benchmarks.jar dev.dawn.benchmarks.Int8CeilingRatio 224 7 1500 2>&1 | grep -v "^WARNING\|^I0000"
echo "== 2. bench-train model: fp32, bf16, int8 (every validation image, b1 and b32, threads 1/1), profiled"
bin/dawn infer --model "$MODEL" --precision fp32,bf16,int8 --prune 0 --batch-sizes 1,32 --batch-repeats 10 \
  --intra-op 1 --inter-op 1 --profile 50 --results "$OUT" 2>&1 | grep -v "^WARNING\|^I0000"
echo "== 3. bench-train model: INT8 first conv in FP32 vs INT8"
for ff in true false; do
  bin/dawn infer --model "$MODEL" --precision int8 --prune 0 --batch-sizes 1 --batch-repeats 5 \
    --intra-op 1 --inter-op 1 --fp32-first $ff --results "$OUT" 2>&1 | grep -E "^resnet9 |results:"
done
echo "== 4. ResNet-50 v1.5 random weights, 224 px: fp32, bf16, int8, profiled"
bin/dawn infer --random-resnet50 224 --precision fp32,bf16,int8 --limit 100 --warmup 10 --prune 0 --batch-sizes 1 \
  --batch-repeats 3 --calibration-images 32 --profile 10 --results "$OUT" 2>&1 | grep -v "^WARNING\|^I0000"
echo "== 5. Training images/s, fp32 vs bf16: ResNet-9 bench-train config, then ResNet-50 at 128 px, batch 32"
for p in fp32 bf16; do
  echo "-- resnet9 $p"
  bin/dawn throughput -c reference-configs/cpu-synthetic-resnet9.yaml --set train.precision=$p --rounds 2 --steps 10 \
    --warmup 3 --profile 3 --results "$OUT" 2>&1 | grep -v "^WARNING\|^I0000"
done
for p in fp32 bf16; do
  echo "-- resnet50 128 px b32 $p"
  bin/dawn throughput -c reference-configs/cpu-synthetic-resnet9.yaml --set model.architecture=resnet50 \
    --set model.width=1.0 --set model.variant=B --set train.batchSize=32 --set train.resolution=128 --set train.precision=$p \
    --rounds 1 --steps 3 --warmup 1 2>&1 | grep -v "^WARNING\|^I0000"
done
date -u; uptime
