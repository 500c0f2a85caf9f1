#!/bin/sh
# tests/py/run_all.sh — summary run of the Python-level suite.
# usage: run_all.sh [-v] [-q] [-j N] WEFT [category...]
#   Prints PASS/FAIL/XFAIL/XPASS per script (with -v, the diffs of
#   failures too; with -q, no PASS lines) and the totals.  Categories
#   default to every folder of tests/py except the front-end suites
#   (dis fold symtable syntax).
#   -j N runs N scripts at once (the team machine: keep N <= 2).
#   Exit status 0 when nothing failed.
set -u
verbose=0 quiet=0 jobs=1
while [ $# -gt 0 ]; do
    case $1 in
        -v) verbose=1; shift ;;
        -q) quiet=1; shift ;;
        -j) jobs=$2; shift 2 ;;
        -j*) jobs=${1#-j}; shift ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || { echo "usage: $0 [-v] [-q] [-j N] WEFT [category...]" >&2; exit 2; }
weft=$1; shift
case $weft in /*) ;; *) weft=$(pwd -P)/$weft ;; esac
here=$(cd "$(dirname "$0")" && pwd -P)
cd "$here"
if [ $# -eq 0 ]; then
    set -- $(for d in */; do d=${d%/}; case $d in dis|fold|symtable|syntax|__pycache__) ;; *) echo "$d" ;; esac; done)
fi
list=$(for c in "$@"; do for f in "$c"/*.py; do
    [ -f "$f" ] || continue
    case $(basename "$f") in _*) continue ;; esac
    echo "${f%.py}"
done; done)
log=$(mktemp "${TMPDIR:-/tmp}/weftpyall.XXXXXX")
trap 'rm -f "$log"' EXIT INT TERM
export WEFT_DIFF_LINES=${WEFT_DIFF_LINES:-40}
echo "$list" | xargs -P "$jobs" -I{} sh -c '
    out=$(sh "$0" "$1" "{}" 10 2>&1)
    if [ "$2" = 1 ]; then printf "%s\n" "$out"; else printf "%s\n" "$out" | head -1; fi
' "$here/run_one.sh" "$weft" "$verbose" | tee "$log" |
    if [ "$quiet" = 1 ]; then grep -v '^PASS '; else cat; fi
p=$(grep -c '^PASS ' "$log"); f=$(grep -c '^FAIL ' "$log")
x=$(grep -c '^XFAIL ' "$log"); xp=$(grep -c '^XPASS ' "$log")
echo "TOTAL: $((p + f + x + xp)) scripts, $p passed, $f failed, $x xfail, $xp xpass"
[ "$f" -eq 0 ] && [ "$xp" -eq 0 ]
