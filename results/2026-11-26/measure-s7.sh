#!/usr/bin/env bash
# The measurements of the second session of 2026-11-26 behind REPORT.md sections 5, 6, 10 (issues 3 and 5),
# run one after another on an otherwise idle machine. Logs go beside this script.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=results/2026-11-26
C=reference-configs/cpu-synthetic-resnet9.yaml
stamp() { echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2) x $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*"; }
{
  stamp "make bench-train (fp32; the model bench-infer uses below)"
  bin/dawn train -c $C
  stamp "training throughput fp32 vs bf16, bench-train config (bf16 is emulated here: few steps)"
  bin/dawn throughput -c $C --rounds 2 --steps 10 --warmup 3
  bin/dawn throughput -c $C --set train.precision=bf16 --rounds 1 --steps 5 --warmup 2
  # Accuracy at equal epochs on a smaller synthetic set (20 classes), every epoch run: bf16 runs ~15x slower on this
  # CPU, so the full bench-train set would take an hour per bf16 run.
  SMALL="--set data.path=results/cache/synthetic-20 --set data.synthetic.classes=20 --set data.synthetic.trainPerClass=120
    --set data.synthetic.valPerClass=30 --set train.epochs=3 --set train.stopAtTarget=false"
  for p in fp32 bf16; do
    stamp "3 epochs, 20-class synthetic set, precision $p"
    bin/dawn train -c $C $SMALL --set train.precision=$p --set name=precision-$p-20class
  done
  stamp "done"
} 2>&1 | tee $OUT/precision.log
{
  RUN=$(ls -d results/runs/*-cpu-synthetic-resnet9 | sort | tail -1)
  # (these four runs went to bench-infer-s7.log, which measure-s7c.sh overwrote; they are in threads-latency.log)
  for round in 1 2; do
    for t in 0 1; do
      stamp "batch-1 latency of $RUN, TF threads intra/inter $t/$t (round $round; 2000 images, unpruned)"
      bin/dawn infer --model "$RUN" --prune 0 --limit 2000 --batch-sizes 1 --intra-op $t --inter-op $t
    done
  done
  stamp "make bench-infer (latest bench-train model = the fp32 run above; pruned models fine-tuned 1 epoch)"
  bin/bench-infer
  stamp "done"
} 2>&1 | tee $OUT/bench-infer-s7.log
{
  stamp "make jmh"
  TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2 java -jar benchmarks/target/benchmarks.jar -rf json \
    -rff results/jmh-inference.json
  stamp "done"
} 2>&1 | tee $OUT/jmh-s7.log
