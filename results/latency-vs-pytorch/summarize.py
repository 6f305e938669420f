"""Summarises one run.sh output folder as markdown: dawn and PyTorch side by side per round (p50, p99, mean, p99/p50,
GC collections in the timed loop, share of op time in convolutions), dawn/PyTorch ratios per round and their median, the layer-sum ceiling per
precision and the conv ceiling.
Usage: /usr/bin/python3 summarize.py OUT_DIR"""
import csv
import glob
import json
import os
import re
import sys

# LayerSumCeiling's line per precision
LAYER_SUM = re.compile(r"^(FP32|INT8): sum of (\d+) conv layers ([\d.]+) ms, whole net ([\d.]+) ms, net/sum ([\d.]+)")


def layer_sums(out):
    """LayerSumCeiling's figures per precision (fp32, int8): convs, sum ms, whole net ms, net/sum."""
    sums = {}
    path = os.path.join(out, "layer-sum.txt")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                m = LAYER_SUM.match(line)
                if m:
                    sums[m.group(1).lower()] = (int(m.group(2)), float(m.group(3)), float(m.group(4)),
                                                float(m.group(5)))
    return sums


def dawn_rows(out):
    """dawn's batch-1 figures per precision from its event log (inference_variant events) and the share of op time
    in convolutions from its profile.csv."""
    logs = sorted(glob.glob(os.path.join(out, "dawn", "runs", "*", "events.jsonl")))
    if not logs:
        sys.exit(f"summarize.py: no dawn events.jsonl under {out}/dawn/runs")
    run = os.path.dirname(logs[-1])
    rows = {}
    with open(logs[-1]) as f:
        for line in f:
            e = json.loads(line)
            if e.get("key") == "inference_variant":
                rows[e["value"]["precision"]] = e["value"]
    return run, rows, conv_shares(run)


def conv_shares(run):
    """precision -> percent of the traced op time spent in convolution ops, from a dawn run folder's profile.csv"""
    shares = {}
    profile = os.path.join(run, "profile.csv")
    if os.path.exists(profile):
        with open(profile) as f:
            for r in csv.DictReader(f):
                precision = r["profile"].split("-")[0]
                if "conv" in r["opType"].lower():
                    shares[precision] = shares.get(precision, 0.0) + float(r["sharePercent"])
    return shares


def rounds_of(out):
    """The round folders of a run.sh output (round-1, round-2, ...), each with dawn/ and pytorch.json; folders
    written before run.sh alternated rounds are one round themselves."""
    rounds = sorted(glob.glob(os.path.join(out, "round-*")), key=lambda d: int(d.rsplit("-", 1)[1]))
    return rounds or [out]


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def main():
    out = sys.argv[1]
    rounds = rounds_of(out)
    print("# ResNet-50 batch-1 latency: dawn vs PyTorch\n")
    with open(os.path.join(out, "machine.txt")) as f:
        print("```\n" + f.read().strip() + "\n```\n")
    measured = []
    for rd in rounds:
        run, dawn, shares = dawn_rows(rd)
        with open(os.path.join(rd, "pytorch.json")) as f:
            torch = json.load(f)
        measured.append((os.path.basename(rd) if rd != out else "-", run, dawn, shares, torch,
                         {v["variant"]: v for v in torch["variants"]}))
    torch = measured[0][4]
    print(f"PyTorch: {torch['framework']}, {torch['threads']} threads ({torch['interopThreads']} inter-op), "
          f"quantized engine {torch['quantizedEngine']}. dawn run folders: "
          f"{', '.join(os.path.relpath(m[1], out) for m in measured)}. "
          "Model-only times in ms; GC = collections during the timed loop (JVM: per image, outside the clock; "
          "Python: gc callbacks; JIT = the JVM's compilation during dawn's timed pass); fixed work = passes of fixed arithmetic "
          "in registers on the same threads, each as long as a mean dawn pass, timed between dawn's images in a pass after "
          "the timed one (older runs: right after it): the machine's own tail at that moment.\n")
    print("| round | precision | who | images | p50 | p99 | mean | p99/p50 | fixed work p99/p50 | GC | conv share |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, run, dawn, shares, torch, pt in measured:
        for p in ("fp32", "int8"):
            d, t = dawn.get(p), pt.get(p)
            if d:
                p50, p99 = d["latencyP50Ms"], d["latencyP99Ms"]
                share = f"{shares[p]:.0f}%" if p in shares else "-"
                gc = "-" if d.get("gcCollections") is None else (
                    f"{d['gcCollections']} ({d['gcImages']} images, {d['gcPauseMs']:.0f} ms)")
                if d.get("jitCompileMs") is not None:
                    gc += f"; JIT {d['jitCompileMs']:.0f} ms in {d['jitImages']} images"
                fixed = "-" if d.get("fixedWorkP50Ms") is None else f"{d['fixedWorkP99Ms'] / d['fixedWorkP50Ms']:.2f}"
                print(f"| {name} | {p} | dawn | {d['images']} | {p50:.2f} | {p99:.2f} | {d['latencyMeanMs']:.2f} | "
                      f"{p99 / p50:.2f} | {fixed} | {gc} | {share} |")
            if t:
                print(f"| {name} | {p} | PyTorch | {t['images']} | {t['p50Ms']:.2f} | {t['p99Ms']:.2f} | "
                      f"{t['meanMs']:.2f} | {t['p99Ms'] / t['p50Ms']:.2f} | - | {t['gcCollections']} | "
                      f"{t['convSharePercent']:.0f}% |")
    print()
    for name, run, dawn, shares, torch, pt in measured:
        for p in ("fp32", "int8"):
            m = (dawn.get(p) or {}).get("machineTail")
            if m:
                label = p if name == "-" else f"{name} {p}"
                print(f"- {label}, the machine beside dawn (images again, fixed work between them): memory work over "
                      f"{m['workingSetMiB']:.0f} MiB p99/p50 {m['memoryWorkP99Ms'] / m['memoryWorkP50Ms']:.2f}; "
                      f"{m['slowImages']} of {m['images']} images slower than 1.3x p50, "
                      f"{m['slowImagesBesideSlowMemoryWork']} of them beside slow memory work (all images: "
                      f"{m['imagesBesideSlowMemoryWork']}); correlation {m['correlation']:.2f}; dawn over the memory work "
                      f"beside it p99/p50 {m['modelOverMemoryWorkP99P50']:.2f}")
    for p in ("fp32", "int8"):
        pairs = [(m[2][p], m[5][p]) for m in measured if p in m[2] and p in m[5]]
        if not pairs:
            continue
        ratios = {k: [d[dk] / t[tk] for d, t in pairs]
                  for k, dk, tk in (("p50", "latencyP50Ms", "p50Ms"), ("mean", "latencyMeanMs", "meanMs"),
                                    ("p99", "latencyP99Ms", "p99Ms"))}
        per_round = "; ".join(f"{k} " + ", ".join(f"{r:.2f}" for r in v) for k, v in ratios.items())
        print(f"- {p}: dawn / PyTorch, median of {len(pairs)} round(s): {median(ratios['p50']):.2f} (p50), "
              f"{median(ratios['mean']):.2f} (mean), {median(ratios['p99']):.2f} (p99); per round {per_round}; "
              "below 1: dawn is faster")
        short = [t for d, t in pairs if t["images"] < d["images"]]
        if short:
            print(f"- PyTorch {p}: timed on fewer images than dawn in {len(short)} round(s), as its first passes said "
                  "the full count would not fit the time budget (TORCH_BUDGET_SECONDS)")
    sums = layer_sums(out)
    for p in ("fp32", "int8"):
        if p in sums:
            # Only the same-process ratio: the sum and a p50 timed minutes apart would compare two states of a
            # shared machine.
            convs, total, whole, ratio = sums[p]
            print(f"- {p} ceiling: the {convs} convs of the net, each alone, sum to {total:.2f} ms; the whole net "
                  f"timed beside them in the same process {whole:.2f} ms: net / sum = {ratio:.2f}")
    ceiling = os.path.join(out, "ceiling.txt")
    if os.path.exists(ceiling):
        print("\nThe conv ceiling (Int8CeilingRatio, same process, alternating rounds):\n")
        with open(ceiling) as f:
            print("```\n" + f.read().strip() + "\n```")


if __name__ == "__main__":
    main()
