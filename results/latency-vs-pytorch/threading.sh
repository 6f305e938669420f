#!/usr/bin/env bash
# TensorFlow's threading options against batch-1 latency and its tail: ResNet-50 v1.5 (random weights, 224 px, fp32
# and int8) in `dawn infer` under each setting given, alternating for ROUNDS rounds (the order rotated each round) so
# that the host's drift hits all alike. The settings:
#   tf-default     intra-op THREADS, inter-op 1: what run.sh and make bench-infer measure
#   onednn-caller  TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true: oneDNN runs one share of each parallel op on the
#                  thread that launched it instead of handing every share to the intra-op pool
#   ops-inline     TF_NUM_INTEROP_THREADS=-1 with --inter-op 0: the graph's ops run on the calling (Java) thread, no
#                  hand-off to an inter-op thread per op
#   both           onednn-caller and ops-inline together
#   pinned         tf-default with each of TensorFlow's native threads pinned to one CPU, round-robin (taskset),
#                  as soon as the model is built and before any timed image
# Usage: results/latency-vs-pytorch/threading.sh [SETTING ...]   (default: all five)
#   env: IMAGES=300  ROUNDS=3  THREADS=$(nproc)  PX=224
# Writes results/latency-vs-pytorch/threading-<UTC timestamp>/ (machine.txt, round-R/SETTING/dawn, summary.md) and
# prints summary.md. Every run's environment.json lists the TF/oneDNN variables it ran with. This checkout must be
# built (`make build`). About 1.5 minutes per round and setting on an idle 2-core machine.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# shellcheck source=machine.sh
source "$HERE/machine.sh"
ALL=(tf-default onednn-caller ops-inline both pinned)
SETTINGS=("$@")
[ ${#SETTINGS[@]} -gt 0 ] || SETTINGS=("${ALL[@]}")
for s in "${SETTINGS[@]}"; do
  [[ " ${ALL[*]} " == *" $s "* ]] || { echo "threading.sh: unknown setting '$s'; one of: ${ALL[*]}" >&2; exit 2; }
done
for tool in taskset jstack; do
  command -v "$tool" >/dev/null || { echo "threading.sh: '$tool' is not on PATH (taskset: util-linux; jstack: the JDK)" >&2; exit 2; }
done
[ -f harness/target/dawn.jar ] || { echo "threading.sh: harness/target/dawn.jar is missing: run 'make build' first" >&2; exit 2; }
IMAGES="${IMAGES:-300}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-$(nproc)}"
PX="${PX:-224}"
OUT="$HERE/threading-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
START=$(date +%s)
{
  machine_lines "$0 ${SETTINGS[*]} (IMAGES=$IMAGES ROUNDS=$ROUNDS THREADS=$THREADS PX=$PX)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt"

# Pins the native threads of the dawn JVM $1 (threads the JVM did not start: jstack does not list them) one per CPU,
# round-robin over the CPUs the process may use; writes what it did to $2.
pin_tensorflow_threads() {
  local pid=$1 log=$2 cpus java_tids i=0 tid
  read -r -a cpus <<<"$(taskset -pc "$pid" 2>/dev/null | sed 's/.*: //' | tr ',' '\n' \
    | awk -F- '{ if (NF == 2) for (c = $1; c <= $2; c++) printf "%d ", c; else printf "%d ", $1 }')"
  [ ${#cpus[@]} -gt 0 ] || return 0
  # a JVM that ended meanwhile leaves nothing to pin; that must not stop the rounds still to come
  java_tids=$(jstack "$pid" 2>/dev/null | grep -o 'nid=0x[0-9a-f]*' | while read -r n; do printf '%d\n' "${n#nid=}"; done) || return 0
  for tid in $(ls "/proc/$pid/task" | sort -n); do
    [ "$tid" != "$pid" ] || continue                       # the launcher's first thread only waits for the JVM
    grep -qx "$tid" <<<"$java_tids" && continue
    taskset -pc "${cpus[$((i % ${#cpus[@]}))]}" "$tid" >/dev/null 2>&1 || continue
    echo "thread $tid -> CPU ${cpus[$((i % ${#cpus[@]}))]}" >>"$log"
    i=$((i + 1))
  done
}

dawn() {  # $1: setting, $2: folder
  local envs=() inter=1
  case $1 in
    onednn-caller) envs=(TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true) ;;
    ops-inline) envs=(TF_NUM_INTEROP_THREADS=-1); inter=0 ;;
    both) envs=(TF_ONEDNN_THREADPOOL_USE_CALLER_THREAD=true TF_NUM_INTEROP_THREADS=-1); inter=0 ;;
  esac
  env ${envs[@]+"${envs[@]}"} bin/dawn infer --random-resnet50 "$PX" --precision fp32,int8 --prune 0 \
    --limit "$IMAGES" --warmup 50 --batch-sizes 1 --calibration-images 64 --intra-op "$THREADS" --inter-op "$inter" \
    --set measure.fixedWorkPasses=0 --results "$2/dawn" >"$2/dawn-output.txt" 2>&1 &
  local job=$!
  if [ "$1" = pinned ]; then
    # the pools exist once the first model has run; "oneDNN convolutions" is printed after that, before any timing
    until grep -q '^oneDNN convolutions' "$2/dawn-output.txt" 2>/dev/null || ! kill -0 "$job" 2>/dev/null; do sleep 0.2; done
    # env and bin/dawn exec into java, so the job is the JVM itself
    kill -0 "$job" 2>/dev/null && pin_tensorflow_threads "$job" "$2/pinned-threads.txt"
  fi
  wait "$job" || echo "   dawn failed: $2/dawn-output.txt"
  grep -E '^  [a-z0-9]+-prune0: latency' "$2/dawn-output.txt" | cut -c1-90 || true
}
n=${#SETTINGS[@]}
for r in $(seq 1 "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    s="${SETTINGS[$(((k + r - 1) % n))]}"
    dir="$OUT/round-$r/$s"
    mkdir -p "$dir"
    echo "== round $r, $s"
    dawn "$s" "$dir"
  done
done
machine_closing_lines "$OUT/machine.txt" threading.sh "$START"

/usr/bin/python3 - "$OUT" "${SETTINGS[@]}" <<'PY' | tee "$OUT/summary.md"
import glob, json, os, statistics, sys
out, settings = sys.argv[1], sys.argv[2:]
def runs(s):
    """precision -> {round: (p50, p99, mean)} from the setting's dawn event logs"""
    got = {}
    for rd in sorted(glob.glob(os.path.join(out, "round-*"))):
        r = int(rd.rsplit("-", 1)[1])
        for log in glob.glob(os.path.join(rd, s, "dawn", "runs", "*", "events.jsonl")):
            for line in open(log):
                e = json.loads(line)
                if e.get("key") == "inference_variant":
                    v = e["value"]
                    got.setdefault(v["precision"], {})[r] = (v["latencyP50Ms"], v["latencyP99Ms"], v["latencyMeanMs"])
    return got
by = {s: runs(s) for s in settings}
print("# Batch-1 latency under TensorFlow's threading options\n")
print("```\n" + open(os.path.join(out, "machine.txt")).read().strip() + "\n```\n")
print(f"Medians over rounds (ms); p99/p50 per round; p50 ratio = the setting's p50 over {settings[0]}'s in the same "
      "round (median, then per round).\n")
print(f"| precision | setting | rounds | p50 | p99 | mean | p99/p50 per round | p50 ratio to {settings[0]} |")
print("|---|---|---|---|---|---|---|---|")
for p in ("fp32", "int8"):
    base = by[settings[0]].get(p, {})
    for s in settings:
        v = by[s].get(p, {})
        if not v:
            continue
        med = [statistics.median(x[i] for x in v.values()) for i in range(3)]
        tails = ", ".join(f"{v[r][1] / v[r][0]:.2f}" for r in sorted(v))
        ratios = [v[r][0] / base[r][0] for r in sorted(v) if r in base]
        ratio = f"{statistics.median(ratios):.2f} ({', '.join(f'{x:.2f}' for x in ratios)})" if ratios else "-"
        print(f"| {p} | {s} | {len(v)} | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.2f} | {tails} | {ratio} |")
PY
