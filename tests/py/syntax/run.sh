#!/bin/sh
# Run every tests/py/syntax/NAME.py through `weft --check-syntax NAME.py`
# in this directory and compare stderr + exit status with NAME.expected
# (made by tools/gen_expected_syntax.sh from python3).  Cases listed in
# xfail.txt ("NAME # reason") are known gaps: reported, not failures.
# usage: run.sh WEFT
set -u
weft=$1
dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir"
pass=0 fail=0 xfail=0 xpass=0
for f in *.py; do
    name=${f%.py}
    got=$( (timeout 20 "$weft" --check-syntax "$f" 2>&1 >/dev/null; echo "exit: $?") )
    want=$(cat "$name.expected")
    reason=$(grep "^$name #" xfail.txt 2>/dev/null | sed 's/^[^#]*# //')
    if [ "$got" = "$want" ]; then
        if [ -n "$reason" ]; then xpass=$((xpass + 1)); echo "XPASS $name (remove from xfail.txt)"; fi
        pass=$((pass + 1))
    elif [ -n "$reason" ]; then
        xfail=$((xfail + 1))
        echo "XFAIL $name: $reason"
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        echo "--- expected"; echo "$want"; echo "--- got"; echo "$got"
    fi
done
echo "syntax cases: $pass passed, $fail failed, $xfail xfail, $xpass xpass"
[ "$fail" -eq 0 ]
