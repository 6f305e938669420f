#!/usr/bin/env bash
# The measurements of the second session of 2026-11-26 behind REPORT.md sections 5, 6, 10 (issues 3 and 5),
# run one after another on an otherwise idle machine. Logs go beside this script.
set -uo pipefail
cd "$(dirname "$0")/../.."
OUT=results/2026-11-26
C=reference-configs/cpu-synthetic-resnet9.yaml
stamp() { echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2) x $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*"; }
{
  stamp "training throughput fp32 vs bf16 (in-memory and fed), bench-train config"
  bin/dawn throughput -c $C --rounds 3 --steps 20 --warmup 5
  bin/dawn throughput -c $C --set train.precision=bf16 --rounds 3 --steps 20 --warmup 5
  stamp "time to 93% top-5: fp32 (make bench-train) then bf16"
  bin/dawn train -c $C
  bin/dawn train -c $C --set train.precision=bf16 --set name=cpu-synthetic-resnet9-bf16
  stamp "done"
} 2>&1 | tee $OUT/precision.log
{
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
