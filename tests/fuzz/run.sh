#!/bin/sh
# tests/fuzz/run.sh [SECONDS] — build the front-end libFuzzer harnesses and
# run each for a bounded time, one process on one core, for CI and humans.
#
#   SECONDS          seconds of fuzzing per fuzzer (default 60)
#   FUZZERS          which harnesses (default "fuzz_tokenizer fuzz_parser")
#   WEFT_FUZZ_BUILD  build directory (default build/fuzzers; configured with
#                    clang, -DWEFT_FUZZ=ON, AddressSanitizer and the system
#                    allocator on first use)
#   FUZZ_ARGS        extra libFuzzer flags (e.g. "-seed=1")
#
# First the regression inputs (tests/fuzz/regressions/) are replayed
# through the parser harness, then each fuzzer runs from its committed
# seed corpus (tests/fuzz/corpus/NAME/, read only) with new inputs kept in
# BUILD/fuzz_corpus/NAME.  A crash, leak, timeout (10 s per input), UB
# report or out-of-memory (2 GiB) stops the run; the input is written to
# BUILD/fuzz_artifacts/ and the script exits 1.  To keep it as a
# regression case, copy it into tests/fuzz/regressions/ under a name that
# says what it found.
set -eu

seconds=${1:-60}
case $seconds in
    '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${WEFT_FUZZ_BUILD:-$root/build/fuzzers}
fuzzers=${FUZZERS:-"fuzz_tokenizer fuzz_parser"}
jobs=${WEFT_FUZZ_JOBS:-2}

if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DWEFT_FUZZ=ON \
        -DWEFT_SANITIZE=address -DWEFT_ALLOCATOR=system -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# shellcheck disable=SC2086
cmake --build "$build" -j"$jobs" --target fuzz_parser_replay $fuzzers

echo "== replaying tests/fuzz/regressions"
"$build/tests/fuzz_parser_replay" "$root/tests/fuzz/regressions"

mkdir -p "$build/fuzz_artifacts"
status=0
for f in $fuzzers; do
    name=${f#fuzz_}
    mkdir -p "$build/fuzz_corpus/$name"
    echo "== $f for ${seconds}s"
    dict=
    [ -f "$root/tests/fuzz/python.dict" ] && dict="-dict=$root/tests/fuzz/python.dict"
    # shellcheck disable=SC2086
    if ! "$build/$f" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 $dict -artifact_prefix="$build/fuzz_artifacts/$name-" \
        ${FUZZ_ARGS:-} "$build/fuzz_corpus/$name" "$root/tests/fuzz/corpus/$name"; then
        echo "== $f FAILED; the input is in $build/fuzz_artifacts/" >&2
        status=1
    fi
done
exit $status
