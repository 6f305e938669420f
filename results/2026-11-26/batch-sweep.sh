#!/usr/bin/env bash
# Issue 5 sweep: momentum vs LARS at four batch sizes spanning 16x, on the bench-train recipe (ResNet-9 x0.25,
# synthetic set), 6-epoch budget (warmup 1 + linear cosine), 240 s wall cap per run.
# Momentum: linear lr scaling (Goyal) from 0.4 at batch 128. LARS (eta 0.001): square-root scaling from 2.5 at 256.
set -uo pipefail
cd "$(dirname "$0")/../.."
C=reference-configs/cpu-synthetic-resnet9.yaml
for b in 32 128 256 512; do
  m_lr=$(python3 -c "print(round(0.4*$b/128, 4))")
  l_lr=$(python3 -c "print(round(2.5*($b/256)**0.5, 4))")
  for opt in momentum lars; do
    lr=$m_lr; [ $opt = lars ] && lr=$l_lr
    echo "== $(date -u +%T) batch $b $opt lr $lr"
    timeout 240 bin/dawn train -c $C --set name=sweep-$opt-b$b --set train.batchSize=$b --set optimizer.name=$opt \
      --set optimizer.learningRate=$lr --set train.epochs=6 2>&1 | grep -E "^epoch [0-9]+:|time to|target|stopped|run folder" 
    echo "exit ${PIPESTATUS[0]}"
  done
done
