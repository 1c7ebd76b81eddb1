# `make run` opens PathLens on the embedded data; `make test` runs every test.
# Both install the Debian packages they need first (scripts/ensure-deps).
SWIFT ?= swift
# The Swift runtime and Foundation linked in: start-up is ~6 ms shorter without their dynamic
# symbol binding, which matters for a command that runs in ~0.1 s (BENCHMARKS.md).
RELEASE = -c release --static-swift-stdlib

.PHONY: deps build run test bench fuzz

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build $(RELEASE) --product pathlens

run: build
	@$$($(SWIFT) build $(RELEASE) --show-bin-path)/pathlens $(ARGS)

# The fuzz runs go first so that the test runner's summary is the last thing printed.
test: deps
	$(SWIFT) build --build-tests
	scripts/fuzz-smoke
	$(SWIFT) test --skip-build

bench: build
	@$$($(SWIFT) build $(RELEASE) --show-bin-path)/pathlens bench $(ARGS)
