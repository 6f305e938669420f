#!/bin/sh
# The measurement of issue 23, about ten minutes on 2 cores: `make bench-fusion`'s sweep
# (reference-configs/sweeps/fusion-network-quick.yaml: 2 worker processes, each in a network namespace of its own on
# links capped with tc tbf; link rate 50mbit / 200mbit / loopback x fusion threshold 0 / 256 KiB / 64 MiB, 2 repeats,
# 18 runs to 93% top-5), then `dawn compare` at each rate (one message per tensor against one for all),
# `dawn project check --sweep` (fitted on the loopback and 200mbit cells, predicting the 50mbit ones) and
# `dawn report`. What it measures per cell: time to 93% top-5 (median of the repeats, bootstrap interval), images/s,
# and compute and exposed communication per step (summary.csv), and the projection's error per predicted cell.
#
# Run from the repository root, as root (namespaces, veth, tc), after `make build`, on an otherwise idle machine:
#   sudo results/fusion-network/run.sh
# SPEC=other-spec.yaml runs another spec the same way (e.g. the 3-hour fusion-network-2-workers.yaml); OUT=DIR writes
# there instead.
# Writes results/<UTC date>-fusion-network/ (machine and load before and after, the sweep folder under sweeps/ without
# checkpoints and TensorBoard files, compare-*.txt, project-check-sweep.txt with sweep-check-*.csv, report.html) and
# prints a summary.
set -eu
SPEC=${SPEC:-reference-configs/sweeps/fusion-network-quick.yaml}
NAME=$(sed -n 's/^name: *//p' "$SPEC")
RATES=$(sed -n 's/^ *distributed\.network: *\[\(.*\)\]/\1/p' "$SPEC" | tr -d ' ' | tr ',' ' ')
D=${OUT:-results/$(date -u +%Y-%m-%d)-fusion-network}
mkdir -p "$D"
machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git rev-parse HEAD) $(git status --porcelain --untracked-files=no | grep -q . && echo '(with changes)' || echo '(clean)')"
  echo "command: SPEC=$SPEC $0"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2- | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512_vnni|avx512_bf16|amx_bf16|amx_int8|fma)$' | tr '\n' ' ')"
  echo "kernel: $(uname -r); load: $(cut -d' ' -f1-3 /proc/loadavg)"
}
START=$(date +%s)
machine > "$D/machine-before.txt"
bin/dawn sweep "$SPEC" --results "$D" > "$D/sweep.log" 2>&1
machine > "$D/machine-after.txt"
SWEEP=$(ls -d "$D"/sweeps/*-"$NAME" | tail -1)
for rate in $RATES; do
  bin/dawn compare "$SWEEP@distributed.network=$rate,distributed.fusion.thresholdBytes=0" \
    "$SWEEP@distributed.network=$rate,distributed.fusion.thresholdBytes=67108864" > "$D/compare-$rate-0-vs-64MiB.txt"
done
bin/dawn project check --sweep "$SWEEP" --out "$D" > "$D/project-check-sweep.txt"
bin/dawn report --results "$SWEEP" --out "$D/report.html" > "$D/report.log" 2>&1
find "$SWEEP/runs" -depth \( -name checkpoints -o -name 'pruned-*' \) -type d -exec rm -rf {} +
find "$SWEEP/runs" -name 'events.out.tfevents.*' -delete
{
  echo "== $NAME: $(($(date +%s) - START)) s; load before: $(sed -n 's/.*; load: //p' "$D/machine-before.txt"), after: $(sed -n 's/.*; load: //p' "$D/machine-after.txt")"
  echo "== per cell (summary.csv): cell, network, threshold, runs, reached, time to target s (median, 95% interval),"
  echo "   epochs to target, images/s, compute ms/step, exposed communication ms/step (medians)"
  python3 - "$SWEEP/summary.csv" <<'EOF' 2>/dev/null || cat "$SWEEP/summary.csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def g(r, *keys):
    for k in keys:
        if k in r and r[k] != "":
            return r[k]
    return "-"
for r in rows:
    print(" ".join([g(r, "cell"), g(r, "distributed.network"), g(r, "distributed.fusion.thresholdBytes"), g(r, "n"),
                    g(r, "reached"), g(r, "median_s"), "[" + g(r, "ci95_low_s") + ", " + g(r, "ci95_high_s") + "]",
                    g(r, "target_epoch_median"), g(r, "images_per_second_median"),
                    g(r, "compute_ms_per_step_median"), g(r, "exposed_comm_ms_per_step_median")]))
EOF
  for rate in $RATES; do echo "== compare at $rate (0 vs 64 MiB)"; tail -n 4 "$D/compare-$rate-0-vs-64MiB.txt"; done
  echo "== dawn project check --sweep"
  tail -n 12 "$D/project-check-sweep.txt"
  echo "== files: $D"
} | tee "$D/summary.txt"
