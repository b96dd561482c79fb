#!/usr/bin/env bash
# Fuzz the YAML parser, resolver and emitter with libFuzzer.
#
#   Fuzz/run.sh [SECONDS]        fuzz for SECONDS (default 300), corpus in Fuzz/corpus-work/yaml
#
# Crashes are written as crash-* files in Fuzz/artifacts/. Copy a fixed crash into
# Fuzz/corpus/yaml/ so that `make test` replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
swift build --scratch-path .build-fuzz --product yaml-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
mkdir -p Fuzz/corpus-work/yaml Fuzz/artifacts
cp -n Fuzz/corpus/yaml/* Fuzz/corpus-work/yaml/ 2>/dev/null || true
SWIFT_BACKTRACE=enable=no .build-fuzz/debug/yaml-fuzz Fuzz/corpus-work/yaml Fuzz/corpus/yaml \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=Fuzz/artifacts/ -dict=Fuzz/yaml.dict -print_final_stats=1
