#!/usr/bin/env bash
# Re-runs after the thread-pool fix (TF sizes its pools at a process's first session, so bench-infer's fine-tuning
# now trains on the inference's 1/1 threads instead of fixing 0/0 for the whole process): make bench-infer on the
# bench-train model of measure-s7.sh, then bf16 time to 93% top-5 on the 20-class set (fp32: measure-s7b.sh).
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=results/2026-11-26
C=reference-configs/cpu-synthetic-resnet9.yaml
stamp() { echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2) x $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*"; }
{
  stamp "make bench-infer"
  bin/bench-infer
  stamp "done"
} 2>&1 | tee $OUT/bench-infer-s7.log
{
  SMALL="--set data.path=results/cache/synthetic-20 --set data.synthetic.classes=20 --set data.synthetic.trainPerClass=120
    --set data.synthetic.valPerClass=30 --set train.epochs=10"
  stamp "time to 93% top-5, 20-class synthetic set (at most 10 epochs), precision bf16"
  bin/dawn train -c $C $SMALL --set train.precision=bf16 --set name=precision-bf16-20class-to-target
  stamp "done"
} 2>&1 | tee $OUT/precision-to-target-bf16.log
