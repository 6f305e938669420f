#!/usr/bin/env bash
# bf16 training repeated with one seed: 10 runs of the same 2-epoch training on a 5-class synthetic set, every step's
# loss logged; prints how many distinct loss curves there are and whether any run stopped on a NaN loss.
# Run from the repository root after `make build`: bash results/2026-12-07/bf16-repeat/run.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs), $(nproc) cores"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o -w -E 'avx2|fma|avx512[a-z_0-9]*|amx[a-z_0-9]*|avx_vnni' | sort -u | xargs)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"
: > "$out/loss-curves.txt"
: > "$out/statuses.txt"
for i in $(seq 1 10); do
  cmd=(bin/dawn train --config reference-configs/cpu-synthetic-resnet9.yaml --results "$work/results"
    --set name=bf16-repeat --set data.path="$work/data" --set data.synthetic.classes=5
    --set data.synthetic.trainPerClass=40 --set data.synthetic.valPerClass=10
    --set train.batchSize=20 --set train.evalBatchSize=50 --set train.precision=bf16 --set train.seed=7
    --set train.epochs=2 --set train.logEverySteps=1 --set train.stopAtTarget=false)
  [ "$i" = 1 ] && echo "command (10 times): ${cmd[*]}" >> "$out/machine.txt"
  set +e; "${cmd[@]}" > "$work/run-$i.log" 2>&1; status=$?; set -e
  run=$(ls -d "$work"/results/runs/*-bf16-repeat | sort | tail -1)
  python3 - "$run/events.jsonl" >> "$out/loss-curves.txt" <<'PY'
import json, sys
losses = []
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e.get("key") == "train_step":
        v = e.get("value")
        losses.append("NaN" if v is None else repr(v))
print(" ".join(losses))
PY
  echo "run $i: exit $status, $(grep -m1 -o 'stopped: [^,]*' "$work/run-$i.log" || echo 'no stop message')" >> "$out/statuses.txt"
  mv "$run" "$work/results/runs/done-$i"
done
sort -u "$out/loss-curves.txt" | wc -l > "$out/distinct-curves.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "distinct loss curves over 10 runs: $(cat "$out/distinct-curves.txt"); NaN losses: $(grep -c NaN "$out/loss-curves.txt" || true)"
cat "$out/statuses.txt"
