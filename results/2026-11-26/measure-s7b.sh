#!/usr/bin/env bash
# Follow-ups to measure-s7.sh (REPORT.md sections 5 and 10): the fine-tuned 0.5-pruned bench-train model against the
# unpruned one in alternating rounds, and fp32 vs bf16 time to 93% top-5 on the 20-class synthetic set.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=results/2026-11-26
C=reference-configs/cpu-synthetic-resnet9.yaml
stamp() { echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2) x $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*"; }
UNPRUNED=$(ls -d results/runs/*-cpu-synthetic-resnet9 | sort | tail -1)
PRUNED=$(ls -d results/runs/*-cpu-synthetic-resnet9-prune0.5-finetune | sort | tail -1)
{
  for round in 1 2 3; do
    for m in "$UNPRUNED" "$PRUNED"; do
      stamp "round $round: batch-1 latency of $m (2000 images, TF threads 1/1)"
      bin/dawn infer --model "$m" --prune 0 --limit 2000 --batch-sizes 1 --intra-op 1 --inter-op 1
    done
  done
  stamp "done"
} 2>&1 | tee $OUT/pruned-vs-unpruned.log
{
  SMALL="--set data.path=results/cache/synthetic-20 --set data.synthetic.classes=20 --set data.synthetic.trainPerClass=120
    --set data.synthetic.valPerClass=30 --set train.epochs=10"
  for p in fp32 bf16; do
    stamp "time to 93% top-5, 20-class synthetic set (at most 10 epochs), precision $p"
    bin/dawn train -c $C $SMALL --set train.precision=$p --set name=precision-$p-20class-to-target
  done
  stamp "done"
} 2>&1 | tee $OUT/precision-to-target.log
