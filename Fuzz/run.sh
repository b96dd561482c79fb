#!/usr/bin/env bash
# Fuzz Shipshape's input readers with libFuzzer.
#
#   Fuzz/run.sh [SECONDS] [HARNESS...]    each harness for SECONDS (default 300); all by default
#
# Harnesses (Fuzz/<name>-fuzz): yaml, template, strvals, chart-archive, json, usage, sandbox.
# The working corpus of each is Fuzz/corpus-work/<name> (not committed), seeded from
# Fuzz/corpus/<name>. Crashes are written as crash-* (or leak-*, timeout-*, oom-*) files in
# Fuzz/artifacts/<name>/. Copy a fixed crash into Fuzz/corpus/<name>/ so that `make test`
# replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(yaml template strvals chart-archive json usage sandbox)
for name in "${harnesses[@]}"; do
  swift build --scratch-path .build-fuzz --product "$name-fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
done
for name in "${harnesses[@]}"; do
  echo "== $name-fuzz for $seconds s"
  mkdir -p "Fuzz/corpus-work/$name" "Fuzz/artifacts/$name"
  cp -n "Fuzz/corpus/$name"/* "Fuzz/corpus-work/$name/" 2>/dev/null || true
  dict=()
  [ -f "Fuzz/$name.dict" ] && dict=(-dict="Fuzz/$name.dict")
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=Fuzz/lsan.supp ".build-fuzz/debug/$name-fuzz" "Fuzz/corpus-work/$name" "Fuzz/corpus/$name" \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="Fuzz/artifacts/$name/" "${dict[@]}" -print_final_stats=1
done
