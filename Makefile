# dawn: the two commands a user needs are `make bench-train` and `make test`.
MVN ?= mvn -B
BENCH_TRAIN_CONFIG ?= reference-configs/cpu-synthetic-resnet9.yaml
DAWN = bin/dawn

.PHONY: build test bench-train clean

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) test

bench-train: build
	$(DAWN) train --config $(BENCH_TRAIN_CONFIG)

clean:
	$(MVN) -q clean
