#!/bin/sh
# bench/scaling/run.sh — thread-scaling benchmark: speedup = N*T(1)/T(N).
#
# usage: bench/scaling/run.sh [--threads "1 2"] [--runs 5] [--scale 1.0]
#                             [--workloads "name ..."] [--out DIR]
#                             [--ft build/ft/weft] [--gil build/gil/weft] [--quick]
#                             [--only "ft ft-gil1 gil python3"] [--ceiling]
#
# Runs every workload of workloads.py with 1..N threads (each worker pinned
# to its own CPU) under: weft free-threaded, weft free-threaded with
# -X gil=1, the weft GIL flavour, and python3 when present.  T(N) is the
# median of --runs runs, the runs of all thread counts interleaved.  Prints one table per interpreter, plus a control
# figure: the speedup of two independent single-thread processes pinned to
# two CPUs (what the machine itself allows), then writes DIR/scaling.dat
# and, with gnuplot, DIR/scaling.png (speedup vs threads, free-threaded).
# Each table also has the CPU-time efficiency C(1)/C(N) (C = the largest
# CPU time a worker spent): other processes taking CPUs away do not change
# it, only the workers slowing each other down does, so it stays readable
# on a busy machine where the control figure shows wall times cannot be.
# --ceiling adds to the free-threaded table, for each N > 1, the speedup of
# N independent single-thread processes of the same workload pinned to
# CPUs 0..N-1 (ceilN): what the machine itself gives that workload at N
# (shared caches, memory bandwidth, clock limits, SMT siblings, other
# guests), with nothing shared in the runtime; and xN/ceilN, the thread
# speedup over that ceiling, the runtime's own efficiency.  The processes
# run inside the same interleaved loop as the threads (run k of 1 thread,
# of N threads, of N processes, then run k+1), so a slow spell of the
# machine hits the figure and its ceiling alike.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
threads=""
only="ft ft-gil1 gil python3"
ceiling=0
runs=5
scale=1.0
workloads=""
out=$root/build/bench-scaling
ft=$root/build/ft/weft
gil=$root/build/gil/weft
while [ $# -gt 0 ]; do
    case $1 in
        --threads) threads=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --scale) scale=$2; shift 2 ;;
        --workloads) workloads=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --ft) ft=$2; shift 2 ;;
        --gil) gil=$2; shift 2 ;;
        --quick) runs=1; scale=0.2; shift ;;
        --only) only=$2; shift 2 ;;
        --ceiling) ceiling=1; shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
if [ -z "$threads" ]; then
    threads=1; n=2
    while [ "$n" -le "$ncpu" ]; do threads="$threads $n"; n=$((n * 2)); done
fi
if [ -z "$workloads" ]; then
    workloads=$(sed -n 's/^    "\([a-z_]*\)": (.*/\1/p' "$here/workloads.py")
fi
mkdir -p "$out"
dat=$out/scaling.dat
: >"$dat"
: >"$out/eff.dat"

# least of the numbers on stdin
least() { sort -g | head -1; }

# median of the numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run_median W N CMD... : "WALL CPU", the medians of the wall time and of
# the largest worker CPU time of `CMD workloads.py W N scale`
run_median() {
    w=$1 n=$2; shift 2
    i=0
    while [ $i -lt "$runs" ]; do
        "$@" "$here/workloads.py" "$w" "$n" "$scale" || { echo "FAILED: $* $w $n" >&2; echo nan nan; }
        i=$((i + 1))
    done >"$out/runs"
    printf '%s %s\n' "$(awk '{ print $1 }' "$out/runs" | median)" "$(awk '{ print $2 }' "$out/runs" | median)"
}

# control: two independent single-thread processes on CPUs 0 and 1
control() {
    w=mult_constant
    t1=$(run_median $w 1 "$@" | awk '{ print $1 }')
    i=0
    while [ $i -lt "$runs" ]; do
        "$@" "$here/workloads.py" $w 1 "$scale" 0 >"$out/c0" &
        p0=$!
        "$@" "$here/workloads.py" $w 1 "$scale" 1 >"$out/c1" &
        p1=$!
        wait $p0 $p1
        cat "$out/c0" "$out/c1" | awk '{ print $1 }' | sort -g | tail -1
        i=$((i + 1))
    done | median >"$out/c2"
    awk -v a="$t1" -v b="$(cat "$out/c2")" 'BEGIN { printf "%.2f", 2 * a / b }'
}

# bench_one LABEL WITH_CEILING CMD...
bench_one() {
    label=$1 withceil=$2; shift 2
    echo
    echo "== $label: $* (median of $runs runs, scale $scale; speedup = N*T(1)/T(N);"
    echo "   cpu eff = C(1)/C(N), C = largest worker CPU time: 1.00 = the workers never slow each other;"
    echo "   best = N*min T(1)/min T(N), the same speedup from each thread count's fastest run)"
    [ "$withceil" = 1 ] &&
        echo "   ceil = N*T(1)/P(N), P(N) = N independent pinned processes, the slowest; run interleaved)"
    printf '%-24s' workload
    for n in $threads; do printf '%10s' "T($n)"; done
    for n in $threads; do [ "$n" -gt 1 ] && printf '%8s' "x$n"; done
    for n in $threads; do [ "$n" -gt 1 ] && printf '%10s' "eff$n"; done
    for n in $threads; do [ "$n" -gt 1 ] && printf '%8s' "best$n"; done
    if [ "$withceil" = 1 ]; then
        for n in $threads; do [ "$n" -gt 1 ] && printf '%8s' "ceil$n"; done
        for n in $threads; do [ "$n" -gt 1 ] && printf '%10s' "x$n/ceil"; done
    fi
    echo
    for w in $workloads; do
        printf '%-24s' "$w"
        t1=
        c1=
        b1=
        line="$label $w"
        speeds=
        effs=
        bests=
        ceils=
        fracs=
        # Interleaved: run k of every thread count (and of the processes),
        # then run k+1, so that a slow spell of the machine hits all alike.
        for n in $threads; do : >"$out/runs.$n"; : >"$out/procs.$n"; done
        i=0
        while [ $i -lt "$runs" ]; do
            for n in $threads; do
                "$@" "$here/workloads.py" "$w" "$n" "$scale" >>"$out/runs.$n" ||
                    { echo "FAILED: $* $w $n" >&2; echo nan nan >>"$out/runs.$n"; }
                if [ "$withceil" = 1 ] && [ "$n" -gt 1 ]; then
                    procs_once "$w" "$n" "$@" >>"$out/procs.$n"
                fi
            done
            i=$((i + 1))
        done
        for n in $threads; do
            r="$(awk '{ print $1 }' "$out/runs.$n" | median) $(awk '{ print $2 }' "$out/runs.$n" | median)"
            t=${r% *}
            c=${r#* }
            b=$(awk '{ print $1 }' "$out/runs.$n" | least)
            [ -z "$t1" ] && t1=$t && c1=$c && b1=$b
            printf '%10.3f' "$t"
            s=$(awk -v n="$n" -v a="$t1" -v b="$t" 'BEGIN { printf "%.2f", n * a / b }')
            e=$(awk -v a="$c1" -v b="$c" 'BEGIN { printf "%.2f", a / b }')
            bs=$(awk -v n="$n" -v a="$b1" -v b="$b" 'BEGIN { printf "%.2f", n * a / b }')
            line="$line $n:$s"
            [ "$n" -gt 1 ] && speeds="$speeds $s" && effs="$effs $e" && bests="$bests $bs"
            if [ "$withceil" = 1 ] && [ "$n" -gt 1 ]; then
                p=$(median <"$out/procs.$n")
                c=$(awk -v n="$n" -v a="$t1" -v b="$p" 'BEGIN { printf "%.2f", n * a / b }')
                f=$(awk -v s="$s" -v c="$c" 'BEGIN { printf "%.2f", s / c }')
                ceils="$ceils $c"
                fracs="$fracs $f"
                pline="${pline:-$label-procs $w 1:1.00} $n:$c"
            fi
        done
        for s in $speeds; do printf '%8s' "$s"; done
        for e in $effs; do printf '%10s' "$e"; done
        for s in $bests; do printf '%8s' "$s"; done
        for c in $ceils; do printf '%8s' "$c"; done
        for f in $fracs; do printf '%10s' "$f"; done
        echo
        echo "$line" >>"$dat"
        [ -n "${pline:-}" ] && echo "$pline" >>"$dat"
        pline=
        echo "$label-cpu $w$(for e in 1.00 $effs; do printf ' %s' "$e"; done)" >>"$out/eff.dat"
    done
    echo "control (two independent pinned single-thread processes): $(control "$@")x"
}

# procs_once W N CMD... : the wall time of the slowest of N single-thread
# processes of W started together, process k pinned to CPU k
procs_once() {
    w=$1 n=$2; shift 2
    k=0
    pids=
    while [ $k -lt "$n" ]; do
        "$@" "$here/workloads.py" "$w" 1 "$scale" "$k" >"$out/p.$k" &
        pids="$pids $!"
        k=$((k + 1))
    done
    for p in $pids; do wait "$p" || echo nan >"$out/p.failed"; done
    k=0
    while [ $k -lt "$n" ]; do awk '{ print $1 }' "$out/p.$k"; k=$((k + 1)); done | sort -g | tail -1
}

echo "threads: $threads   CPUs online: $ncpu"
want() { case " $only " in *" $1 "*) return 0 ;; esac; return 1; }
if want ft && [ -x "$ft" ]; then bench_one weft-ft "$ceiling" "$ft"; fi
if want ft-gil1 && [ -x "$ft" ]; then bench_one weft-ft-gil1 0 "$ft" -X gil=1; fi
if want gil && [ -x "$gil" ]; then bench_one weft-gil 0 "$gil"; fi
if want python3 && command -v python3 >/dev/null 2>&1; then bench_one python3 0 python3; fi

if command -v gnuplot >/dev/null 2>&1 && grep -q '^weft-ft ' "$dat"; then
    pd=$out/plot.dat
    : >"$pd"
    for n in $threads; do
        printf '%s' "$n" >>"$pd"
        for w in $workloads; do
            awk -v w="$w" -v n="$n" '$1 == "weft-ft" && $2 == w { for (i = 3; i <= NF; i++) { split($i, p, ":"); if (p[1] == n) printf " %s", p[2] } }' "$dat" >>"$pd"
        done
        echo >>"$pd"
    done
    {
        echo "set terminal png size 1000,700 noenhanced"
        echo "set output '$out/scaling.png'"
        echo "set title 'weft free-threaded: speedup vs threads'"
        echo "set xlabel 'threads'; set ylabel 'speedup N*T(1)/T(N)'"
        echo "set key outside right; set grid"
        printf "plot x title 'ideal' lw 2 dt 2"
        i=2
        for w in $workloads; do
            printf ", '%s' using 1:%d with linespoints title '%s'" "$pd" "$i" "$w"
            i=$((i + 1))
        done
        echo
    } | gnuplot && echo "plot: $out/scaling.png"
fi
echo "data: $dat"
