#!/usr/bin/env bash
# The two reports of issue 22, rebuilt from the runs committed under results/2026-11-30 with the committed code, and
# the screenshot of each one's first screen in headless Chromium (1366x768). WHOLE_PAGE=1 adds each whole page with
# every <details> opened, at half scale (not kept in the repository: 0.4-0.5 MB each). Run from the repository root after `make build`. Writes into results/2026-12-07/report/.
set -euo pipefail
OUT=results/2026-12-07/report
R=results/2026-11-30
date -u
git rev-parse HEAD
bin/dawn report "$R/sweep-bench-train-seeds/runs/20261130-083218-bench-train-seeds-c1-r1" "$R"/runs/* \
  --out "$OUT/bench-train-and-infer.html"
bin/dawn report --results "$R/bench-sweep" --out "$OUT/bench-sweep.html"
ls -l "$OUT"/*.html
shot() { # html png height scale
  local profile; profile=$(mktemp -d)
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --window-size="1366,$3" --force-device-scale-factor="${4:-1}" \
    --screenshot="$2" "file://$PWD/$1" 2>/dev/null
  rm -rf "$profile"
}
for name in bench-sweep bench-train-and-infer; do
  shot "$OUT/$name.html" "$OUT/$name-first-screen.png" 768
done
if [ "${WHOLE_PAGE:-0}" = 1 ]; then
  for name in bench-sweep bench-train-and-infer; do
    sed 's/<details>/<details open>/g' "$OUT/$name.html" > "$OUT/$name-opened.html"
    shot "$OUT/$name-opened.html" "/tmp/$name-whole-page.png" 9000 0.5
    rm "$OUT/$name-opened.html"
  done
fi
ls -l "$OUT"/*.png
