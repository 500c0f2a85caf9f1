#!/bin/sh
# tests/py/run_one.sh — run one Python-level test script through weft and
# compare its merged stdout+stderr and exit status with the expected file.
#
# usage: run_one.sh WEFT CATEGORY/NAME [TIMEOUT_SECONDS]
#
# The script tests/py/CATEGORY/NAME.py is run as `weft [ARGS] NAME.py` from
# its own directory (ARGS from NAME.args, shell-quoted words; when one of
# them is NAME.py itself, the command is exactly `weft ARGS`, so script
# arguments go after it: "-X opt NAME.py a b"; stdin
# from NAME.stdin, else /dev/null).  Output is normalised: the absolute
# path of tests/py is replaced by "<TESTS>".  A final line "[exit N]" is
# appended when the exit status N is not 0.  The result is compared with
# NAME.out, which tools/gen_py_expected.py makes from python3 the same way.
# tests/py/xfail.txt lists known gaps ("category/name  reason", or
# "ft:category/name  reason" for the free-threaded flavour only): such a
# test passes when the output differs (XFAIL) and fails when it matches
# (XPASS: remove the entry).  Exit status: 0 pass/xfail, 1 fail/xpass.
# WEFT_EXTRA_ARGS (environment), when set, gives options put before all
# others (the thread tests run again with "-X gil=1" this way).
# Needs only POSIX sh, diff, sed and timeout (coreutils); no python3.
set -u
weft=$1 test=$2 limit=${3:-30}
here=$(cd "$(dirname "$0")" && pwd -P)
case $weft in /*) ;; *) weft=$(pwd -P)/$weft ;; esac
dir=$here/$(dirname "$test") name=$(basename "$test")
[ -f "$dir/$name.py" ] || { echo "no such test: $test"; exit 1; }
[ -f "$dir/$name.out" ] || { echo "no expected file: $test.out (run tools/gen_py_expected.py)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/weftpy.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# NAME.args: shell-quoted words (parsed like tools/gen_py_expected.py's shlex.split)
set --
[ -f "$dir/$name.args" ] && eval "set -- $(cat "$dir/$name.args")"
script=$name.py
for a in "$@"; do [ "$a" = "$name.py" ] && script=; done
input=/dev/null
[ -f "$dir/$name.stdin" ] && input=$dir/$name.stdin
(
    cd "$dir" || exit 1
    # Same environment as tools/gen_py_expected.py gives python3: default
    # buffering (no PYTHONUNBUFFERED), PYTHONHASHSEED=0.
    env -u PYTHONUNBUFFERED -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONWARNINGS -u PYTHONIOENCODING -u PYTHONUTF8 \
        PYTHONHASHSEED=0 timeout -k 5 "$limit" "$weft" ${WEFT_EXTRA_ARGS:-} "$@" $script <"$input" >"$tmp/raw" 2>&1
    echo $? >"$tmp/rc"
)
rc=$(cat "$tmp/rc")
# Normalise: the tests directory's absolute path (literal; escape sed's specials).
pat=$(printf '%s' "$here" | sed 's/[]\/$*.^[]/\\&/g')
sed "s/$pat/<TESTS>/g" "$tmp/raw" >"$tmp/got"
if [ "$rc" -ne 0 ]; then
    # make sure the marker starts a line even if output ended without newline
    [ -s "$tmp/got" ] && [ "$(tail -c 1 "$tmp/got" | od -An -c | tr -d ' ')" != '\n' ] && echo >>"$tmp/got"
    [ "$rc" -eq 124 ] && echo "[timeout after ${limit}s]" >>"$tmp/got"
    echo "[exit $rc]" >>"$tmp/got"
fi
reason=
if [ -f "$here/xfail.txt" ]; then
    # "ft:category/name" entries apply to the free-threaded flavour only.
    key=$test
    if grep -q "^ft:$test " "$here/xfail.txt"; then
        "$weft" --build-info 2>/dev/null | grep -q '^flavour: free-threaded' && key="ft:$test"
    fi
    reason=$(awk -v t="$test" -v k="$key" '$1 == t || $1 == k { $1 = ""; sub(/^ +/, ""); print; exit }' "$here/xfail.txt")
    [ -z "$reason" ] && awk -v t="$test" -v k="$key" '$1 == t || $1 == k { found = 1 } END { exit !found }' "$here/xfail.txt" && reason="(no reason given)"
fi
if cmp -s "$dir/$name.out" "$tmp/got"; then
    if [ -n "$reason" ]; then
        echo "XPASS $test (listed in tests/py/xfail.txt: remove it)"
        exit 1
    fi
    echo "PASS $test"
    exit 0
fi
if [ -n "$reason" ]; then
    echo "XFAIL $test: $reason"
    exit 0
fi
echo "FAIL $test"
diff -u "$dir/$name.out" "$tmp/got" | sed 's/^--- .*/--- expected/; s/^+++ .*/+++ weft/' | head -${WEFT_DIFF_LINES:-80}
exit 1
