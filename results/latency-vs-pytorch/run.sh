#!/usr/bin/env bash
# dawn vs PyTorch, side by side on this machine: ResNet-50 v1.5 batch-1 latency at 224 px, fp32 and int8, random
# weights (latency only), the same thread count for both (THREADS, default all cores; one inter-op thread).
#   dawn:    bin/dawn infer --random-resnet50 (LatencyRunner: every image decoded, preprocessed into one reused
#            input tensor and classified; model-only p50/p99; GC collections per image; per-op profile -> conv share)
#   PyTorch: Debian's python3-torch + python3-torchvision under /usr/bin/python3 (torchvision's ResNet-50 and its
#            quantized variant, oneDNN engine), torch_latency.py
#   ceiling: Int8CeilingRatio (one ResNet-50 conv layer, FP32 and INT8, next to the whole net, same process)
#   layer sum: LayerSumCeiling (every conv of the same ResNet-50 alone, FP32 and INT8, summed, next to the whole net)
# dawn and PyTorch run in ROUNDS rounds (default 3), alternating which goes first; ratios are taken within a round.
# Writes everything into results/latency-vs-pytorch/<UTC timestamp>/ (machine.txt with CPU, cores, flags, cpuidle
# driver and halt polling, date, commit and command; per round round-N/ with dawn's run folder, its log with -Xlog:gc
# and pytorch.json; ceiling.txt; layer-sum.txt; summary.md) and prints summary.md. About 4-5 minutes a round plus 2
# on an idle 2-core machine (the build included); SKIP_BUILD=1 skips `make build`.
# Usage: results/latency-vs-pytorch/run.sh   (env: THREADS, IMAGES=300, PX=224, ROUNDS=3, TORCH_BUDGET_SECONDS=150)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=machine.sh
source "$HERE/machine.sh"
THREADS="${THREADS:-$(nproc)}"
IMAGES="${IMAGES:-300}"
ROUNDS="${ROUNDS:-3}"
PX="${PX:-224}"
PY=/usr/bin/python3
OUT="$HERE/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
START=$(date +%s)

if ! "$PY" -c 'import torch, torchvision' 2>/dev/null; then
  echo "run.sh: $PY cannot import torch and torchvision: apt-get install -y python3-torch python3-torchvision" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then make build >"$OUT/build-output.txt" 2>&1; fi

{
  machine_lines "$0 (THREADS=$THREADS IMAGES=$IMAGES PX=$PX ROUNDS=$ROUNDS)"
  echo "pytorch: $("$PY" -c 'import torch, torchvision; print(torch.__version__, torchvision.__version__)')"
  echo "java: $(java -version 2>&1 | head -1)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

run_dawn() {  # $1: the round's folder
  echo "== dawn: ResNet-50 $PX px, fp32 and int8, $IMAGES images at batch 1, threads intra $THREADS / inter 1"
  DAWN_JAVA_OPTS="-Xmx12g -Xlog:gc*:file=$1/dawn-gc.txt:uptime,level,tags" \
    bin/dawn infer --random-resnet50 "$PX" --precision fp32,int8 --prune 0 --limit "$IMAGES" --warmup 50 \
    --batch-sizes 1 --calibration-images 64 --intra-op "$THREADS" --inter-op 1 --profile 5 --results "$1/dawn" \
    2>&1 | grep -v -e '^WARNING: All log messages' -e '^I0000' | tee "$1/dawn-output.txt"
}
run_torch() {  # $1: the round's folder
  echo "== PyTorch: torchvision ResNet-50 $PX px, fp32 and int8, $IMAGES images at batch 1, $THREADS threads"
  "$PY" "$HERE/torch_latency.py" --threads "$THREADS" --images "$IMAGES" --warmup 50 --px "$PX" \
    --budget-seconds "${TORCH_BUDGET_SECONDS:-150}" --out "$1/pytorch.json" 2>&1 | tee "$1/pytorch-output.txt"
}
# The host under a VM drifts by tens of percent within minutes: rounds alternate which framework goes first, and
# the summary compares the two within each round.
for r in $(seq 1 "$ROUNDS"); do
  mkdir -p "$OUT/round-$r"
  echo "== round $r of $ROUNDS"
  if [ $((r % 2)) = 1 ]; then run_dawn "$OUT/round-$r"; run_torch "$OUT/round-$r"
  else run_torch "$OUT/round-$r"; run_dawn "$OUT/round-$r"; fi
done

echo "== ceiling: one ResNet-50 conv layer, FP32 and INT8, beside the whole net"
TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2 java -cp benchmarks/target/benchmarks.jar \
  dev.dawn.benchmarks.Int8CeilingRatio "$PX" 5 1500 2>&1 | grep -v -e '^WARNING: All log messages' -e '^I0000' \
  | tee "$OUT/ceiling.txt"

echo "== layer-sum ceiling: every ResNet-50 conv alone, FP32 and INT8, summed, beside the whole net"
TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2 java -cp benchmarks/target/benchmarks.jar \
  dev.dawn.benchmarks.LayerSumCeiling "$PX" 2>&1 | grep -v -e '^WARNING: All log messages' -e '^I0000' \
  | tee "$OUT/layer-sum.txt"

machine_closing_lines "$OUT/machine.txt" run.sh "$START"
"$PY" "$HERE/summarize.py" "$OUT" | tee "$OUT/summary.md"
