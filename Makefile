# dawn: the two commands a user needs are `make bench-train` and `make test`.
# PROFILE=gpu builds against TensorFlow's GPU natives instead of the CPU ones.
MVN ?= mvn -B $(if $(PROFILE),-P$(PROFILE))
BENCH_TRAIN_CONFIG ?= reference-configs/cpu-synthetic-resnet9.yaml
DAWN = bin/dawn

.PHONY: build test bench-train report leaderboard clean

build:
	rm -rf harness/target/lib  # a profile switch must not leave the other natives behind
	$(MVN) -q -DskipTests package

test:
	$(MVN) test

bench-train: build
	$(DAWN) train --config $(BENCH_TRAIN_CONFIG)

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
