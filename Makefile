# `make run` opens PathLens on the embedded data; `make test` runs every test.
# Both install the Debian packages they need first (scripts/ensure-deps).
SWIFT ?= swift

.PHONY: deps build run test bench fuzz

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build -c release --product pathlens

run: build
	@$$($(SWIFT) build -c release --show-bin-path)/pathlens $(ARGS)

# The fuzz runs go first so that the test runner's summary is the last thing printed.
test: deps
	$(SWIFT) build --build-tests
	scripts/fuzz-smoke
	$(SWIFT) test --skip-build

bench: build
	@$$($(SWIFT) build -c release --show-bin-path)/pathlens bench $(ARGS)
