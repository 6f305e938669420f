#!/bin/sh
# The measurement of issue 23: `make bench-fusion` (fusion threshold x link rate on 2 workers over emulated links,
# reference-configs/sweeps/fusion-network-2-workers.yaml, 72 runs), `dawn compare` on its pairs, and
# `dawn project --check --sweep` against it. Run from the repository root, as root (network namespaces, veth, tc),
# after `make build`, on an otherwise idle machine: the machine's load is recorded before and after. On 2 cores it
# takes about 3 to 3.5 hours. Writes results/<UTC date>-fusion-network/ (the sweep folder under sweeps/, without
# weights and TensorBoard files).
set -eu
D=results/$(date -u +%Y-%m-%d)-fusion-network
mkdir -p "$D"
machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git rev-parse HEAD) $(git status --porcelain --untracked-files=no | grep -q . && echo '(with changes)' || echo '(clean)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
  echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2- | tr ' ' '\n' | grep -E '^(avx2|avx512f|avx512_vnni|avx512_bf16|amx_bf16|amx_int8|fma)$' | tr '\n' ' ')"
  echo "kernel: $(uname -r); load: $(cut -d' ' -f1-3 /proc/loadavg)"
}
machine > "$D/machine-before.txt"
bin/dawn sweep reference-configs/sweeps/fusion-network-2-workers.yaml --results "$D" 2>&1 | tee "$D/sweep.log"
machine > "$D/machine-after.txt"
SWEEP=$(ls -d "$D"/sweeps/*-fusion-network-2-workers | tail -1)
for rate in 50mbit 200mbit 1gbit loopback; do
  bin/dawn compare "$SWEEP@distributed.network=$rate,distributed.fusion.thresholdBytes=0" \
    "$SWEEP@distributed.network=$rate,distributed.fusion.thresholdBytes=67108864" > "$D/compare-$rate-0-vs-64MiB.txt"
done
bin/dawn project --check --sweep "$SWEEP" --out "$D" > "$D/project-check-sweep.txt"
bin/dawn report --results "$SWEEP" --out "$D/report.html" > "$D/report.log" 2>&1
find "$SWEEP/runs" -depth \( -name weights -o -name 'pruned-*' \) -type d -exec rm -rf {} +
find "$SWEEP/runs" -name 'events.out.tfevents.*' -delete
echo "done: $D"
