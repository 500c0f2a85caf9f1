#!/bin/sh
# bench/scaling/counters.sh — shared atomic writes per iteration of every
# scaling workload, counted instead of timed.
#
# usage: bench/scaling/counters.sh [--weft build/counters/weft] [--threads N]
#                                  [--scale 0.5] [--workloads "name ..."]
#
# Needs weft built with -DWEFT_COUNTERS=ON (the `counters` preset:
# cmake --preset counters && cmake --build --preset counters).  Runs each
# workload of workloads.py with N pinned threads (default 2) in `counters`
# mode and prints, per workload, every contention counter of
# weft/counters.h that is not zero: how many times per iteration (summed
# over the threads, divided by threads x iterations) the timed part
# performed that kind of write.  Such writes are what keeps threads from
# scaling, and unlike times the counts do not depend on what else the
# machine is doing or on how many CPUs it has: a workload that shows none
# shares no written memory in the runtime.  mutex_cas also counts the
# uncontended locks a thread takes on its own objects (filling a new dict);
# lock_foreign is the part on objects that other threads may lock too.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
weft=$root/build/counters/weft
threads=2
scale=0.5
workloads=""
while [ $# -gt 0 ]; do
    case $1 in
        --weft) weft=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --scale) scale=$2; shift 2 ;;
        --workloads) workloads=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
if ! "$weft" --build-info | grep -q '^counters: on'; then
    echo "$weft has no counters: configure with -DWEFT_COUNTERS=ON (preset: counters)" >&2
    exit 2
fi
if [ -z "$workloads" ]; then
    workloads=$(sed -n 's/^    "\([a-z_]*\)": (.*/\1/p' "$here/workloads.py")
fi
echo "shared atomic writes per iteration, $threads threads, scale $scale ($weft)"
printf '%-24s %s\n' workload "non-zero counters"
for w in $workloads; do
    out=$("$weft" "$here/workloads.py" "$w" "$threads" "$scale" 0 counters)
    printf '%-24s' "$w"
    printf '%s\n' "$out" | awk '$2 + 0 != 0 { printf " %s=%s", $1, $2; n++ } END { if (!n) printf " none"; print "" }'
done
