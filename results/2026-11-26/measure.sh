#!/usr/bin/env bash
# The measurements behind REPORT.md (issue 2), run one after another on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
C=reference-configs/cpu-synthetic-resnet9.yaml
echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2) x $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== throughput, bench-train config (NHWC)"
bin/dawn throughput -c $C --rounds 3 --steps 30 --warmup 10
echo "== throughput, NCHW"
bin/dawn throughput -c $C --set model.dataFormat=NCHW --rounds 2 --steps 20 --warmup 5
echo "== ResNet-50 v1.5 training, 128 px, batch 32"
bin/dawn throughput -c $C --set model.architecture=resnet50 --set model.width=1.0 --set train.resolution=128 \
  --set train.batchSize=32 --rounds 2 --steps 6 --warmup 3
echo "== linear classifier on raw pixels"
bin/dawn baseline -c $C --epochs 10
echo "== done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
