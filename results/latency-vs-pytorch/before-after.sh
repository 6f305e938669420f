#!/usr/bin/env bash
# Before and after, side by side: ResNet-50 v1.5 batch-1 latency (random weights, 224 px) of this checkout against
# earlier commits, each built in a temporary worktree, runs alternating commit by commit for ROUNDS rounds so that
# the machine's drift hits every commit alike; per commit the median over rounds of p50, p99 and mean, and the ratio
# to this checkout (below 1: the commit is faster). Each run is a `bin/dawn infer` of that commit with the same flags.
# Usage: results/latency-vs-pytorch/before-after.sh COMMIT [COMMIT ...]
#   env: PRECISIONS=fp32,int8  IMAGES=200  ROUNDS=3  THREADS=$(nproc)  PX=224
#        ALSO_TIERED=1: this checkout a second time with DAWN_INFER_JIT= (the JVM's tiered JIT, see bin/dawn)
# Writes results/latency-vs-pytorch/before-after-<UTC timestamp>/ (machine.txt, one run folder per commit and round,
# summary.md) and prints summary.md. This checkout must be built (`make build`); an earlier commit whose
# `dawn infer` lacks a flag used here fails its runs, named in the output.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=machine.sh
source "$HERE/machine.sh"
if [ $# -lt 1 ]; then
  echo "usage: $0 COMMIT [COMMIT ...]   (each measured against this checkout)" >&2
  exit 2
fi
PRECISIONS="${PRECISIONS:-fp32,int8}"
IMAGES="${IMAGES:-200}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-$(nproc)}"
PX="${PX:-224}"
OUT="$HERE/before-after-$(date -u +%Y%m%d-%H%M%S)"
TREES="$(mktemp -d)"
mkdir -p "$OUT"
START=$(date +%s)
cleanup() {
  for t in "$TREES"/*; do [ -d "$t" ] && git worktree remove --force "$t" >/dev/null 2>&1 || true; done
  rm -rf "$TREES"
}
trap cleanup EXIT

declare -A DAWN
declare -A JIT
HEAD_LABEL="HEAD-$(git rev-parse --short HEAD)"
DAWN[$HEAD_LABEL]="$ROOT/bin/dawn"
LABELS=("$HEAD_LABEL")
if [ "${ALSO_TIERED:-0}" = 1 ]; then
  # this checkout once more with the JVM's default tiered JIT instead of bin/dawn's C1-only one for dawn infer
  DAWN[$HEAD_LABEL-tiered]="$ROOT/bin/dawn"
  JIT[$HEAD_LABEL-tiered]=""
  LABELS+=("$HEAD_LABEL-tiered")
fi
for c in "$@"; do
  sha="$(git rev-parse --short "$c^{commit}")" || { echo "before-after.sh: '$c' is not a commit" >&2; exit 2; }
  echo "== building $sha in $TREES/$sha"
  git worktree add --detach -q "$TREES/$sha" "$sha"
  (cd "$TREES/$sha" && make build >"$OUT/build-$sha.txt" 2>&1) || { echo "before-after.sh: $sha does not build: $OUT/build-$sha.txt" >&2; exit 2; }
  DAWN[$sha]="$TREES/$sha/bin/dawn"
  LABELS+=("$sha")
done

{
  machine_lines "$0 $* (PRECISIONS=$PRECISIONS IMAGES=$IMAGES ROUNDS=$ROUNDS THREADS=$THREADS PX=$PX ALSO_TIERED=${ALSO_TIERED:-0})"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

for r in $(seq 1 "$ROUNDS"); do
  for label in "${LABELS[@]}"; do
    echo "== round $r: $label"
    if [ -n "${JIT[$label]+set}" ]; then export DAWN_INFER_JIT="${JIT[$label]}"; else unset DAWN_INFER_JIT; fi
    "${DAWN[$label]}" infer --random-resnet50 "$PX" --precision "$PRECISIONS" --prune 0 --limit "$IMAGES" --warmup 50 \
      --batch-sizes 1 --calibration-images 64 --intra-op "$THREADS" --inter-op 1 --profile 5 --results "$OUT/$label/round-$r" \
      >"$OUT/$label-round-$r.txt" 2>&1 || echo "   $label round $r failed: $OUT/$label-round-$r.txt"
    grep -E '^  [a-z0-9]+-prune0: latency' "$OUT/$label-round-$r.txt" || true
  done
done
machine_closing_lines "$OUT/machine.txt" before-after.sh "$START"

HERE="$HERE" /usr/bin/env python3 - "$OUT" "${LABELS[@]}" <<'EOF' | tee "$OUT/summary.md"
import glob, json, os, statistics, sys
sys.path.insert(0, os.environ["HERE"])
from summarize import conv_shares
out, labels = sys.argv[1], sys.argv[2:]
def variants(label):
    """precision -> list of inference_variant values, one per round, each with its run's conv share"""
    got = {}
    for log in sorted(glob.glob(os.path.join(out, label, "round-*", "runs", "*", "events.jsonl"))):
        shares = conv_shares(os.path.dirname(log))
        for line in open(log):
            e = json.loads(line)
            if e.get("key") == "inference_variant":
                v = dict(e["value"], convShare=shares.get(e["value"]["precision"]))
                got.setdefault(v["precision"], []).append(v)
    return got
def median_of(v, key):
    xs = [x[key] for x in v if x.get(key) is not None]
    return statistics.median(xs) if xs else None
def fmt(x, pattern):
    return "-" if x is None else pattern.format(x)
print("# Before and after: ResNet-50 batch-1 latency, alternating runs\n")
print("```\n" + open(os.path.join(out, "machine.txt")).read().strip() + "\n```\n")
print("Median over rounds of each run's p50, p99 and mean (ms), its JIT compilation during the timed pass (ms; '-': "
      "not recorded by that commit) and its share of traced op time in convolutions; ratio = commit / "
      + labels[0] + ".\n")
print("| precision | commit | rounds | p50 | p99 | mean | p99/p50 | JIT ms | conv share | p50 ratio | mean ratio |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
base = variants(labels[0])
for p in sorted({p for l in labels for p in variants(l)}):
    for label in labels:
        v = variants(label).get(p, [])
        if not v:
            print(f"| {p} | {label} | 0 | - | - | - | - | - | - | - | - |"); continue
        med = {k: statistics.median(x[k] for x in v) for k in ("latencyP50Ms", "latencyP99Ms", "latencyMeanMs")}
        b = base.get(p, [])
        r50 = med["latencyP50Ms"] / statistics.median(x["latencyP50Ms"] for x in b) if b else float("nan")
        rmean = med["latencyMeanMs"] / statistics.median(x["latencyMeanMs"] for x in b) if b else float("nan")
        print(f"| {p} | {label} | {len(v)} | {med['latencyP50Ms']:.2f} | {med['latencyP99Ms']:.2f} | "
              f"{med['latencyMeanMs']:.2f} | {med['latencyP99Ms'] / med['latencyP50Ms']:.2f} | "
              f"{fmt(median_of(v, 'jitCompileMs'), '{:.0f}')} | {fmt(median_of(v, 'convShare'), '{:.0f}%')} | "
              f"{r50:.3f} | {rmean:.3f} |")
EOF
