"""PyTorch's batch-1 ResNet-50 latency beside dawn's: torchvision's ResNet-50 (fp32) and its quantized variant
(int8, post-training static quantization), random weights, the same thread count and image count as the dawn run.

Usage: /usr/bin/python3 torch_latency.py --threads 2 --images 300 --warmup 50 --px 224 --out torch.json
A variant too slow for --budget-seconds is measured on fewer images (at least 30), recorded as "images".
Latencies are model-only (the input tensor is made before the clock). Python's garbage collections during the
timed loop are counted with gc.callbacks; the share of time in convolutions comes from torch.profiler over a few
extra passes.
"""
import argparse
import gc
import json
import time

import torch
import torchvision
from torchvision.models import quantization as tvq


def percentile(values, p):
    """Nearest rank, as dawn's LatencyStats."""
    s = sorted(values)
    rank = max(1, -(-len(s) * p // 100))
    return s[int(rank) - 1]


def conv_share(model, x, passes):
    """Share of the summed self CPU time of all ops spent in convolution ops."""
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        for _ in range(passes):
            model(x)
    total = conv = 0.0
    for e in prof.key_averages():
        total += e.self_cpu_time_total
        if "conv" in e.key.lower():
            conv += e.self_cpu_time_total
    return 100.0 * conv / total if total else float("nan")


def affordable(model, images, warmup, budget_s):
    """(images, warmup) that fit the time budget: a slow variant (PyTorch's quantized kernels on a CPU without
    VNNI take hundreds of ms per image) is measured on fewer images, and the count says so in the output."""
    with torch.inference_mode():
        for i in range(3):
            model(images[i])
        probe = []
        for i in range(5):
            t0 = time.perf_counter()
            model(images[i])
            probe.append(time.perf_counter() - t0)
    per_image = sorted(probe)[2]
    if per_image * (len(images) + warmup) <= budget_s:
        return images, warmup
    n = max(30, int(budget_s / per_image * 0.9))
    return images[:n], min(warmup, 10)


def measure(name, model, images, warmup, profile_passes, budget_s):
    images, warmup = affordable(model, images, warmup, budget_s)
    collections = []
    gc_count = [0]

    def on_gc(phase, info):
        if phase == "stop":
            gc_count[0] += 1

    with torch.inference_mode():
        for i in range(warmup):
            model(images[i % len(images)])
        gc.collect()
        gc.callbacks.append(on_gc)
        times = []
        for x in images:
            before = gc_count[0]
            t0 = time.perf_counter_ns()
            model(x)
            times.append(time.perf_counter_ns() - t0)
            collections.append(gc_count[0] - before)
        gc.callbacks.remove(on_gc)
        share = conv_share(model, images[0], profile_passes)
    ms = [t / 1e6 for t in times]
    return {
        "variant": name,
        "images": len(ms),
        "warmup": warmup,
        "meanMs": sum(ms) / len(ms),
        "p50Ms": percentile(ms, 50),
        "p90Ms": percentile(ms, 90),
        "p99Ms": percentile(ms, 99),
        "maxMs": max(ms),
        "gcCollections": sum(collections),
        "gcImages": sum(1 for c in collections if c),
        "convSharePercent": share,
        "latenciesMs": ms,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--images", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--px", type=int, default=224)
    ap.add_argument("--profile-passes", type=int, default=5)
    ap.add_argument("--budget-seconds", type=float, default=150, help="timed loop budget per variant")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    images = [torch.randn(1, 3, a.px, a.px) for _ in range(min(a.images, 50))]
    images = [images[i % len(images)] for i in range(a.images)]
    results = []

    fp32 = torchvision.models.resnet50().eval()
    results.append(measure("fp32", fp32, images, a.warmup, a.profile_passes, a.budget_seconds))
    del fp32

    engines = torch.backends.quantized.supported_engines
    # oneDNN as in the reference run; Debian's build has no fbgemm (engines: qnnpack, onednn)
    engine = "onednn" if "onednn" in engines else ("x86" if "x86" in engines else "fbgemm")
    torch.backends.quantized.engine = engine
    int8 = tvq.resnet50(quantize=False).eval()
    int8.fuse_model()
    int8.qconfig = torch.ao.quantization.get_default_qconfig(engine)
    torch.ao.quantization.prepare(int8, inplace=True)
    with torch.inference_mode():
        for x in images[:8]:
            int8(x)
    torch.ao.quantization.convert(int8, inplace=True)
    results.append(measure("int8", int8, images, a.warmup, a.profile_passes, a.budget_seconds))

    out = {
        "framework": "PyTorch " + torch.__version__ + ", torchvision " + torchvision.__version__,
        "threads": torch.get_num_threads(),
        "interopThreads": torch.get_num_interop_threads(),
        "quantizedEngine": engine,
        "px": a.px,
        "warmupRequested": a.warmup,
        "variants": results,
    }
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
    for r in results:
        print(
            f"pytorch {r['variant']}: mean {r['meanMs']:.2f} ms, p50 {r['p50Ms']:.2f}, p99 {r['p99Ms']:.2f}"
            f" (p99/p50 {r['p99Ms'] / r['p50Ms']:.2f}), GC {r['gcCollections']}, conv share {r['convSharePercent']:.0f}%"
        )


if __name__ == "__main__":
    main()
