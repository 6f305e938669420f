# dawn: the two commands a user needs are `make bench-train` and `make test`.
# PROFILE=gpu builds against TensorFlow's GPU natives instead of the CPU ones.
MVN ?= mvn -B $(if $(PROFILE),-P$(PROFILE))
# The hard synthetic preset: the recipe needs several epochs to reach 93% top-5, so recipes can be told apart.
# reference-configs/cpu-synthetic-resnet9.yaml is the same recipe on the standard (easy) preset.
BENCH_TRAIN_CONFIG ?= reference-configs/cpu-synthetic-resnet9-hard.yaml
DAWN = bin/dawn

.PHONY: build test format bench-train bench-sweep bench-fusion bench-vs-pytorch report leaderboard clean

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

bench-train: build
	$(DAWN) train --config $(BENCH_TRAIN_CONFIG)

# A sweep (spec in reference-configs/sweeps/): momentum vs LARS over batch sizes 128-1024 on the hard preset, 3 seeds
# each (24 runs of at most 24 epochs, about 80 minutes on 2 cores);
# results/sweeps/<timestamp>-<name>/ holds runs.csv, summary.csv and the charts. Continue a stopped one with
# `bin/dawn sweep --resume results/sweeps/<folder>`.
SWEEP_SPEC ?= reference-configs/sweeps/momentum-vs-lars.yaml
bench-sweep: build
	$(DAWN) sweep $(SWEEP_SPEC)

# Gradient fusion on 2 worker processes (dawn launch --workers 2 per run, loopback gRPC): fusion threshold
# 0 / 256 KiB / 4 MiB / 64 MiB x global batch 64 / 128 / 256 (12 runs) on the standard synthetic preset's recipe
# (reference-configs/cpu-synthetic-resnet9.yaml, 2-3 epochs to 93% top-5; the hard bench-train preset would take
# hours for 12 runs on 2 cores). The sweep folder results/sweeps/<timestamp>-fusion-2-workers/ holds runs.csv,
# summary.csv, time-to-target-vs-train.batchSize.png (one line per threshold) and
# images-per-second-vs-distributed.fusion.thresholdBytes.png; each run's metrics.csv has the step split into compute
# and exposed communication.
FUSION_SPEC ?= reference-configs/sweeps/fusion-2-workers.yaml
bench-fusion: build
	$(DAWN) sweep $(FUSION_SPEC)

# DAWNBench latency of the latest bench-train model (fp32/bf16/int8 x prune 0/0.25/0.5, each pruned model fine-tuned
# FINE_TUNE_EPOCHS=1 epoch, x batch 1/8/32/128, TF threads INFER_THREADS=1) and of ResNet-50 at 224 and 128 px
# (all cores), then the whole-net INT8/FP32 speed-up next to one conv layer's; see bin/bench-infer.
bench-infer: build
	bin/bench-infer

# ResNet-50 batch-1 latency, fp32 and INT8, dawn beside Debian's python3-torch with the same threads (p50, p99, GC in
# the timed loop, share in convolutions, the conv ceiling); results/latency-vs-pytorch/<UTC time>/summary.md.
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
