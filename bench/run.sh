#!/bin/bash
# bench/run.sh — run the single-thread benchmarks with python3 and weft.
#
# usage: bench/run.sh [--quick] [--runs N] [WEFT_BINARY...]
#
# Each program in bench/*.py prints one checksum line.  It is run with
# python3 and with every given weft binary (default: build/ft/weft and
# build/gil/weft, whichever exist), each timed as the median wall time of
# N runs (default 3; --quick: 1 run at a reduced size).  A weft result
# counts only if its checksum line equals python3's; otherwise the cell
# shows FAIL (wrong output) or ERR (non-zero exit / timeout).  The table
# gives seconds and the weft/python3 ratio per program, and the geometric
# mean of the ratios over the programs that passed, per binary.  Binaries
# are labelled by the "flavour" line of `weft --build-info`.
set -u
start_dir=$(pwd)
cd "$(dirname "$0")" || exit 1
root=$(cd .. && pwd)
quick=0 runs=3 limit=${BENCH_TIMEOUT:-120}
bins=()
while [ $# -gt 0 ]; do
    case $1 in
        --quick) quick=1; runs=1; shift ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        /*) bins+=("$1"); shift ;;
        *) bins+=("$start_dir/$1"); shift ;;
    esac
done
if [ ${#bins[@]} -eq 0 ]; then
    for b in "$root/build/ft/weft" "$root/build/gil/weft"; do
        [ -x "$b" ] && bins+=("$b")
    done
fi
programs=(nbody fannkuch spectral_norm richards nqueens float chaos deltablue raytrace generators unpack_sequence)
# reduced sizes for --quick (the program's argv[1])
declare -A quick_arg=([nbody]=20000 [fannkuch]=8 [spectral_norm]=80 [richards]=3 [nqueens]=8
    [float]=30000 [chaos]=20000 [deltablue]=1000 [raytrace]=50 [generators]=20000 [unpack_sequence]=100000)

labels=()
for b in "${bins[@]}"; do
    fl=$("$b" --build-info 2>/dev/null | sed -n 's/^flavour: //p')
    labels+=("${fl:-$(basename "$(dirname "$b")")}")
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/weftbench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# time_one CMD... : runs $runs times; prints "MEDIAN_SECONDS" on success
# (output in $tmp/out), or "ERR".
time_one() {
    local times=() i s e rc
    for ((i = 0; i < runs; i++)); do
        s=$(date +%s.%N)
        timeout "$limit" "$@" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        e=$(date +%s.%N)
        if [ $rc -ne 0 ]; then echo ERR; return; fi
        times+=("$(echo "$e - $s" | bc -l)")
    done
    printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.3f\n", a[int((NR + 1) / 2)]}'
}

printf '%-16s %9s' program python3
for l in "${labels[@]}"; do printf ' | %-22s' "$l (s, ratio)"; done
echo
declare -a logsum count
for ((k = 0; k < ${#bins[@]}; k++)); do logsum[k]=0; count[k]=0; done
for p in "${programs[@]}"; do
    args=()
    [ $quick -eq 1 ] && args=("${quick_arg[$p]}")
    pt=$(time_one python3 "$p.py" "${args[@]}")
    if [ "$pt" = ERR ]; then
        printf '%-16s %9s\n' "$p" "py-ERR"
        continue
    fi
    want=$(cat "$tmp/out")
    printf '%-16s %9s' "$p" "$pt"
    for ((k = 0; k < ${#bins[@]}; k++)); do
        wt=$(time_one "${bins[k]}" "$p.py" "${args[@]}")
        if [ "$wt" = ERR ]; then
            printf ' | %-22s' "ERR"
        elif [ "$(cat "$tmp/out")" != "$want" ]; then
            printf ' | %-22s' "FAIL (checksum)"
        else
            ratio=$(echo "$wt / $pt" | bc -l)
            printf ' | %8s %8.2fx     ' "$wt" "$ratio"
            logsum[k]=$(echo "${logsum[k]} + l($ratio)" | bc -l)
            count[k]=$((count[k] + 1))
        fi
    done
    echo
done
printf '%-16s %9s' "geomean" ""
for ((k = 0; k < ${#bins[@]}; k++)); do
    if [ "${count[k]}" -gt 0 ]; then
        g=$(echo "e(${logsum[k]} / ${count[k]})" | bc -l)
        printf ' | %8.2fx (%2d of %2d) ' "$g" "${count[k]}" "${#programs[@]}"
    else
        printf ' | %-22s' "n/a (none passed)"
    fi
done
echo
