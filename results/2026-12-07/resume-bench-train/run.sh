#!/usr/bin/env bash
# A resumed `make bench-train` against an uninterrupted one (issue 24), on the same machine, one after the other.
# Run from the repository root after `make build`:
#
#   results/2026-12-07/resume-bench-train/run.sh
#
# 1. uninterrupted/: bin/dawn train --config reference-configs/cpu-synthetic-resnet9-hard.yaml (what make bench-train
#    runs), to 93% top-5.
# 2. resumed/: the same run, killed with SIGKILL $KILL_AFTER_S seconds into epoch $KILL_EPOCH (default 5 s into
#    epoch 2, after the checkpoint of epoch 1), then `bin/dawn train --resume resumed/` to 93% top-5.
# Writes beside itself: machine.txt, the two run folders (checkpoints removed once compared), the three logs and
# summary.txt (time to target of both, the resume, whether accuracies and final weights are identical), and prints
# the summary. About 11 minutes on 2 cores (two whole bench-train runs of about 5.5 minutes each, the killed part
# of the second trained again). The runs share a budget of 705 s (the resume gets what is left; a run cut short
# shows as exit status 137 and no time to target), so the script ends within 12 minutes.
set -euo pipefail
D=$(dirname "$0")
CONFIG=${CONFIG:-reference-configs/cpu-synthetic-resnet9-hard.yaml}
KILL_EPOCH=${KILL_EPOCH:-2}
KILL_AFTER_S=${KILL_AFTER_S:-5}
[ -f harness/target/dawn.jar ] || { echo "run.sh: run 'make build' first (harness/target/dawn.jar is missing)" >&2; exit 2; }
rm -rf "$D/uninterrupted" "$D/resumed" "$D"/*.log "$D/summary.txt"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command: $0 (KILL_EPOCH=$KILL_EPOCH KILL_AFTER_S=$KILL_AFTER_S)"
  echo "commit: $(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores: $(nproc)"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx|avx2|fma|avx512f|avx512_vnni|avx512_bf16|amx_tile|amx_bf16)$' | tr '\n' ' ')"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
} > "$D/machine.txt"
START=$(date +%s)
BUDGET=705

echo "[run.sh] 1/3 uninterrupted bench-train"
U_EXIT=0
timeout -s KILL 360 bin/dawn train --config "$CONFIG" --run-folder "$D/uninterrupted" > "$D/uninterrupted.log" 2>&1 || U_EXIT=$?

echo "[run.sh] 2/3 the same run, killed (SIGKILL) ${KILL_AFTER_S} s into epoch $KILL_EPOCH"
bin/dawn train --config "$CONFIG" --run-folder "$D/resumed" > "$D/killed.log" 2>&1 &
PID=$!
DEADLINE=$(( $(date +%s) + 100 ))
until grep -qs "\"key\":\"epoch_start\",\"value\":null,\"metadata\":{\"epoch_num\":$KILL_EPOCH}" "$D/resumed/events.jsonl"; do
  if ! kill -0 "$PID" 2>/dev/null || [ "$(date +%s)" -ge "$DEADLINE" ]; then break; fi
  sleep 0.2
done
sleep "$KILL_AFTER_S"
kill -9 "$PID" 2>/dev/null || true # bin/dawn execs java: this is the training process
wait "$PID" 2>/dev/null || true

echo "[run.sh] 3/3 bin/dawn train --resume $D/resumed"
R_EXIT=0
LEFT=$(( START + BUDGET - $(date +%s) ))
[ "$LEFT" -gt 30 ] || LEFT=30
timeout -s KILL "$LEFT" bin/dawn train --resume "$D/resumed" > "$D/resumed.log" 2>&1 || R_EXIT=$?
END=$(date +%s)

python3 - "$D" "$U_EXIT" "$R_EXIT" "$((END - START))" <<'PY' | tee "$D/summary.txt"
import filecmp, glob, json, os, sys
d, u_exit, r_exit, took = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def run(name):
    folder = os.path.join(d, name)
    tsv = glob.glob(os.path.join(folder, "*.tsv"))
    rows = []
    if tsv:
        lines = open(tsv[0]).read().split("\n")[1:]
        rows = [l.split("\t") for l in lines if l]
    events = [json.loads(l) for l in open(os.path.join(folder, "events.jsonl")) if l.strip()]
    return folder, rows, events

def to_target(rows):
    for r in rows:
        if float(r[3]) >= 93.0:
            return float(r[0]), float(r[1]) * 3600
    return None, None

print(open(os.path.join(d, "machine.txt")).read().rstrip())
print(f"script wall time: {took} s; exit status uninterrupted {u_exit}, resumed {r_exit} (0 = target reached)")
ckpts = {}
for name in ("uninterrupted", "resumed"):
    folder, rows, events = run(name)
    epoch, seconds = to_target(rows)
    wall = (events[-1]["time_ms"] - events[0]["time_ms"]) / 1000
    line = f"{name}: "
    line += (f"93% top-5 at epoch {epoch:g}, time to target {seconds:.1f} s of training"
             if seconds is not None else "93% top-5 not reached")
    line += f"; {len(rows)} evaluations; log wall span {wall:.0f} s"
    print(line)
    for e in events:
        if e["key"] == "run_resume":
            m = e["metadata"]
            print(f"  run_resume: from {e['value']} at epoch position {m['epoch_position']}, "
                  f"epochs trained again {m['redone_epochs']}, training clock continued at "
                  f"{m['train_time_ms'] / 1000:.1f} s, {m['superseded_lines']} log lines superseded")
    saves = [e["metadata"].get("save_ms") for e in events if e["key"] == "checkpoint_saved"]
    saves = [s for s in saves if s is not None]
    if saves:
        print(f"  {len(saves)} checkpoints written, {min(saves)}-{max(saves)} ms each (off the training clock)")
    state = os.path.join(folder, "checkpoints", "checkpoint")
    if os.path.exists(state):
        newest = open(state).readline().split('"')[1]
        ckpts[name] = os.path.join(folder, "checkpoints", newest)
u_rows, r_rows = run("uninterrupted")[1], run("resumed")[1]
same_acc = [(r[0], r[2], r[3]) for r in u_rows] == [(r[0], r[2], r[3]) for r in r_rows]
print(f"TSV epochs and accuracies identical: {same_acc}")
if len(ckpts) == 2:
    same = all(filecmp.cmp(ckpts["uninterrupted"] + s, ckpts["resumed"] + s, shallow=False)
               for s in (".index", ".data-00000-of-00001"))
    print(f"final checkpoint ({os.path.basename(os.path.dirname(ckpts['resumed']))}) bit-identical: {same}")
PY
# the checkpoints were compared; the run folders stay small enough to keep
rm -rf "$D/uninterrupted/checkpoints" "$D/resumed/checkpoints"
