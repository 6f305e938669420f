# dawn: the two commands a user needs are `make bench-train` and `make test`.
# PROFILE=gpu builds against TensorFlow's GPU natives instead of the CPU ones.
MVN ?= mvn -B $(if $(PROFILE),-P$(PROFILE))
# The hard synthetic preset: the recipe needs several epochs to reach 93% top-5, so recipes can be told apart.
# reference-configs/cpu-synthetic-resnet9.yaml is the same recipe on the standard (easy) preset.
BENCH_TRAIN_CONFIG ?= reference-configs/cpu-synthetic-resnet9-hard.yaml
DAWN = bin/dawn

.PHONY: build test format docs bench-train bench-sweep bench-fusion bench-vs-pytorch report leaderboard clean

build:
	rm -rf harness/target/lib  # a profile switch must not leave the other natives behind
	$(MVN) -q -DskipTests package

# Formatting (google-java-format), tests, then the dependency check: each module declares exactly the artifacts it
# uses (mvn dependency:analyze).
test:
	$(MVN) spotless:check test dependency:analyze-only

# Formats every Java file with google-java-format, as `make test` checks.
format:
	$(MVN) -q spotless:apply

# docs/config-keys.md, generated from the config records and defaults (a test checks it is current).
docs: build
	$(DAWN) keys --page > docs/config-keys.md

bench-train: build
	$(DAWN) train --config $(BENCH_TRAIN_CONFIG)

# A sweep (spec in reference-configs/sweeps/): momentum vs LARS over batch sizes 128-1024 on the hard preset, 3 seeds
# each (24 runs of at most 24 epochs, about 80 minutes on 2 cores);
# results/sweeps/<timestamp>-<name>/ holds runs.csv, summary.csv and the charts. Continue a stopped one with
# `bin/dawn sweep --resume results/sweeps/<folder>`.
SWEEP_SPEC ?= reference-configs/sweeps/momentum-vs-lars.yaml
bench-sweep: build
	$(DAWN) sweep $(SWEEP_SPEC)

# Gradient fusion where bandwidth bounds the all-reduce: 2 worker processes (dawn launch --workers 2 per run), each
# in a network namespace of its own on links capped at distributed.network's rate (tc tbf; needs root), rate 50mbit /
# 200mbit / loopback x fusion threshold 0 / 256 KiB / 64 MiB, 2 repeats (18 runs of the bench-train model on a
# 20-class cut of the synthetic set, about 10 minutes on 2 cores). The sweep folder
# results/sweeps/<timestamp>-fusion-network-quick/ holds runs.csv and summary.csv (with compute and exposed
# communication per step) and time-to-target-vs-distributed.fusion.thresholdBytes.png with one line per rate;
# `bin/dawn project check --sweep <folder>` holds the projection against it, and results/fusion-network/run.sh runs
# the whole measurement. FUSION_SPEC=reference-configs/sweeps/fusion-network-2-workers.yaml is the full grid (6
# thresholds x 4 rates x 3 repeats on the 26,000-image set, 72 runs, about 3 hours);
# FUSION_SPEC=reference-configs/sweeps/fusion-2-workers.yaml the earlier loopback-only sweep (threshold x batch).
FUSION_SPEC ?= reference-configs/sweeps/fusion-network-quick.yaml
bench-fusion: build
	$(DAWN) sweep $(FUSION_SPEC)

# DAWNBench latency of the latest bench-train model (fp32/bf16/int8 x prune 0/0.25/0.5, each pruned model fine-tuned
# FINE_TUNE_EPOCHS=1 epoch, x batch 1/8/32/128, TF threads INFER_THREADS=1) and of ResNet-50 at 224 and 128 px
# (all cores), then the whole-net INT8/FP32 speed-up next to one conv layer's and the whole net next to the sum of
# its convs each run alone (LayerSumCeiling); see bin/bench-infer.
bench-infer: build
	bin/bench-infer

# ResNet-50 batch-1 latency, fp32 and INT8, dawn beside Debian's python3-torch with the same threads (p50, p99, GC in
# the timed loop, share in convolutions, the conv ceiling, the layer-sum ceiling);
# results/latency-vs-pytorch/<UTC time>/summary.md.
bench-vs-pytorch: build
	SKIP_BUILD=1 results/latency-vs-pytorch/run.sh

# JMH: one batch-1 ResNet-50 forward pass at 224 and 128 px, FP32 and INT8, and the CPU's INT8/FP32 ceiling on one
# ResNet-50 conv layer (ConvLayerBenchmark); results in results/jmh-inference.json.
jmh: build
	TF_ENABLE_ONEDNN_OPTS=1 TF_CPP_MIN_LOG_LEVEL=2 java -jar benchmarks/target/benchmarks.jar -rf json -rff results/jmh-inference.json

# The HTML comparison of every run in $(RESULTS)/runs (self-contained: open it in any browser).
RESULTS ?= results
report: build
	$(DAWN) report --results $(RESULTS) --out $(RESULTS)/report.html

# The 12 DAWNBench tables with our runs ranked among the entries ($$DAWNBENCH_ENTRIES or ../shared/dawnbench-entries).
LEADERBOARD_FORMAT ?= md
OUR_RUNS = $(patsubst %/events.jsonl,%,$(wildcard $(RESULTS)/runs/*/events.jsonl))
leaderboard: build
	$(DAWN) leaderboard $(if $(OUR_RUNS),--with $(OUR_RUNS)) --format $(LEADERBOARD_FORMAT) --out $(RESULTS)/leaderboard.$(LEADERBOARD_FORMAT)

clean:
	$(MVN) -q clean
