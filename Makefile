# Shipshape — the two commands a new engineer needs:
#   make demo   build Shipshape and show what it does
#   make test   install missing system packages, build, run every test
SWIFT ?= swift
BIN := .build/debug
# The libFuzzer harnesses besides yaml (Fuzz/<name>-fuzz); `make test` replays their corpora.
FUZZ_HARNESSES := template strvals chart-archive json usage sandbox

.PHONY: all deps build test demo bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(BIN)/yaml-fuzz Fuzz/corpus/yaml Tests/YAMLTests/Fixtures/values
	@for h in $(FUZZ_HARNESSES); do $(BIN)/$$h-fuzz Fuzz/corpus/$$h || exit 1; done
	$(SWIFT) test --skip-build --disable-swift-testing

demo:
	@scripts/install-deps.sh --demo
	$(SWIFT) build --product shipshape
	@scripts/demo.sh $(BIN)/shipshape

bench: deps
	$(SWIFT) build -c release
	.build/release/yaml-bench
	.build/release/git-bench
	.build/release/render-bench
	.build/release/kube-bench
	.build/release/sandbox-bench
	.build/release/check-bench
	.build/release/reconcile-bench
	.build/release/recommend-bench
	.build/release/logs-bench
	.build/release/heal-bench
	.build/release/rightsizing-bench
	.build/release/forecast-bench

fuzz: deps
	Fuzz/run.sh 300

clean:
	rm -rf .build .build-*
