# dawn: the two commands a user needs are `make bench-train` and `make test`.
# PROFILE=gpu builds against TensorFlow's GPU natives instead of the CPU ones.
MVN ?= mvn -B $(if $(PROFILE),-P$(PROFILE))
BENCH_TRAIN_CONFIG ?= reference-configs/cpu-synthetic-resnet9.yaml
DAWN = bin/dawn

.PHONY: build test bench-train clean

build:
	rm -rf harness/target/lib  # a profile switch must not leave the other natives behind
	$(MVN) -q -DskipTests package

test:
	$(MVN) test

bench-train: build
	$(DAWN) train --config $(BENCH_TRAIN_CONFIG)

clean:
	$(MVN) -q clean
