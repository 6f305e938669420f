#!/usr/bin/env bash
# How the idle vCPUs wait, against batch-1 latency: ResNet-50 v1.5 (random weights, 224 px, fp32 and int8) in dawn
# and in PyTorch under each of the haltpoll idle driver's polling settings given (guest_halt_poll_ns: how long an
# idle vCPU polls before it halts and goes back to the hypervisor; 0 halts at once). Settings, and dawn and PyTorch
# within a setting, alternate for ROUNDS rounds (the order rotated each round) so that the host's drift hits all
# alike; the setting found is restored on exit. Needs root and the haltpoll cpuidle driver.
# A setting "idle-spin" keeps polling at 0 and instead runs one busy loop per CPU at SCHED_IDLE (chrt --idle) during
# its runs: the vCPUs never halt, and any other thread that wakes takes its CPU at once, with no change to the kernel.
# Usage: results/latency-vs-pytorch/halt-poll.sh [NS|idle-spin ...]   (default: 0 200000)
#   env: IMAGES=200  ROUNDS=3  THREADS=$(nproc)  PX=224  TORCH_BUDGET_SECONDS=100
# Writes results/latency-vs-pytorch/halt-poll-<UTC timestamp>/ (machine.txt, round-R/poll-NS/{dawn,pytorch.json},
# summary.md) and prints summary.md. This checkout must be built (`make build`). About 2.5 minutes per round and
# setting on an idle 2-core machine.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=machine.sh
source "$HERE/machine.sh"
POLL=/sys/module/haltpoll/parameters/guest_halt_poll_ns
if [ ! -w "$POLL" ]; then
  echo "halt-poll.sh: $POLL is not writable: needs root and the haltpoll cpuidle driver (found: $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo none))" >&2
  exit 2
fi
SETTINGS=("$@")
[ ${#SETTINGS[@]} -gt 0 ] || SETTINGS=(0 200000)
for ns in "${SETTINGS[@]}"; do
  [[ "$ns" =~ ^[0-9]+$ || "$ns" = idle-spin ]] || { echo "halt-poll.sh: '$ns' is neither a number of nanoseconds nor idle-spin" >&2; exit 2; }
done
IMAGES="${IMAGES:-200}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-$(nproc)}"
PX="${PX:-224}"
PY=/usr/bin/python3
ORIGINAL="$(cat "$POLL")"
SPINNERS=()
stop_spinners() {
  for p in "${SPINNERS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${SPINNERS[@]}"; do wait "$p" 2>/dev/null || true; done
  SPINNERS=()
}
trap 'stop_spinners; echo "$ORIGINAL" > "$POLL"' EXIT
OUT="$HERE/halt-poll-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
START=$(date +%s)
{
  machine_lines "$0 ${SETTINGS[*]} (IMAGES=$IMAGES ROUNDS=$ROUNDS THREADS=$THREADS PX=$PX)"
  echo "pytorch: $("$PY" -c 'import torch, torchvision; print(torch.__version__, torchvision.__version__)')"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

dawn() {  # $1: folder
  bin/dawn infer --random-resnet50 "$PX" --precision fp32,int8 --prune 0 --limit "$IMAGES" --warmup 50 \
    --batch-sizes 1 --calibration-images 64 --intra-op "$THREADS" --inter-op 1 --set measure.fixedWorkPasses=0 \
    --results "$1/dawn" >"$1/dawn-output.txt" 2>&1 || echo "   dawn failed: $1/dawn-output.txt"
  grep -E '^  [a-z0-9]+-prune0: latency' "$1/dawn-output.txt" | cut -c1-90 || true
}
torch() {  # $1: folder
  "$PY" "$HERE/torch_latency.py" --threads "$THREADS" --images "$IMAGES" --warmup 50 --px "$PX" --profile-passes 1 \
    --budget-seconds "${TORCH_BUDGET_SECONDS:-100}" --out "$1/pytorch.json" >"$1/pytorch-output.txt" 2>&1 \
    || echo "   PyTorch failed: $1/pytorch-output.txt"
  grep -E '^pytorch ' "$1/pytorch-output.txt" | cut -c1-90 || true
}
n=${#SETTINGS[@]}
for r in $(seq 1 "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    ns="${SETTINGS[$(((k + r - 1) % n))]}"
    dir="$OUT/round-$r/poll-$ns"
    mkdir -p "$dir"
    if [ "$ns" = idle-spin ]; then
      echo 0 >"$POLL"
      for _ in $(seq 1 "$(nproc)"); do chrt --idle 0 sh -c 'while :; do :; done' & SPINNERS+=($!); done
    else
      echo "$ns" >"$POLL"
    fi
    echo "== round $r, $ns (guest_halt_poll_ns $(cat "$POLL"), ${#SPINNERS[@]} SCHED_IDLE spinners)"
    if [ $(((r + k) % 2)) = 1 ]; then dawn "$dir"; torch "$dir"; else torch "$dir"; dawn "$dir"; fi
    stop_spinners
  done
done
machine_closing_lines "$OUT/machine.txt" halt-poll.sh "$START"

"$PY" - "$OUT" "${SETTINGS[@]}" <<'EOF' | tee "$OUT/summary.md"
import glob, json, os, statistics, sys
out, settings = sys.argv[1], sys.argv[2:]
def runs(ns):
    """(framework, precision) -> list over rounds of (p50, p99, mean), and the rounds' p50s by round for ratios"""
    got = {}
    for rd in sorted(glob.glob(os.path.join(out, "round-*"))):
        r = int(rd.rsplit("-", 1)[1])
        d = os.path.join(rd, f"poll-{ns}")
        for log in glob.glob(os.path.join(d, "dawn", "runs", "*", "events.jsonl")):
            for line in open(log):
                e = json.loads(line)
                if e.get("key") == "inference_variant":
                    v = e["value"]
                    got.setdefault(("dawn", v["precision"]), {})[r] = (v["latencyP50Ms"], v["latencyP99Ms"], v["latencyMeanMs"])
        pj = os.path.join(d, "pytorch.json")
        if os.path.exists(pj):
            for v in json.load(open(pj))["variants"]:
                got.setdefault(("PyTorch", v["variant"]), {})[r] = (v["p50Ms"], v["p99Ms"], v["meanMs"])
    return got
by = {ns: runs(ns) for ns in settings}
print("# Batch-1 latency against the idle vCPUs' halt polling\n")
print("```\n" + open(os.path.join(out, "machine.txt")).read().strip() + "\n```\n")
print("Medians over rounds (ms); ratio = this setting's p50 over the first setting's, round by round, median.\n")
print("| precision | who | setting | rounds | p50 | p99 | mean | p99/p50 | p50 ratio to " + settings[0] + " (per round) |")
print("|---|---|---|---|---|---|---|---|---|")
for p in ("fp32", "int8"):
    for who in ("dawn", "PyTorch"):
        base = by[settings[0]].get((who, p), {})
        for ns in settings:
            v = by[ns].get((who, p), {})
            if not v:
                continue
            p50 = statistics.median(x[0] for x in v.values()); p99 = statistics.median(x[1] for x in v.values())
            mean = statistics.median(x[2] for x in v.values())
            ratios = [v[r][0] / base[r][0] for r in sorted(v) if r in base]
            ratio = f"{statistics.median(ratios):.2f} ({', '.join(f'{x:.2f}' for x in ratios)})" if ratios else "-"
            print(f"| {p} | {who} | {ns} | {len(v)} | {p50:.2f} | {p99:.2f} | {mean:.2f} | {p99 / p50:.2f} | {ratio} |")
print()
for ns in settings:
    for p in ("fp32", "int8"):
        d, t = by[ns].get(("dawn", p), {}), by[ns].get(("PyTorch", p), {})
        ratios = [d[r][0] / t[r][0] for r in sorted(d) if r in t]
        if ratios:
            print(f"- {ns}, {p}: dawn / PyTorch p50, median of {len(ratios)} rounds "
                  f"{statistics.median(ratios):.2f} (per round {', '.join(f'{x:.2f}' for x in ratios)}); below 1: dawn is faster")
EOF
