#!/bin/sh
# The shared loop of tests/py/syntax/run.sh and tests/py/symtable/run.sh:
# run every DIR/NAME.py through `weft MODE NAME.py` in DIR and compare
# stderr + exit status with NAME.expected (made from python3 by
# tools/gen_expected_errors.sh).  Cases listed in DIR/xfail.txt
# ("NAME # reason") are known gaps: reported, not failures.  LABEL names
# the cases in the summary line.
# usage: compare_errors.sh WEFT MODE LABEL DIR
set -u
weft=$1 mode=$2 label=$3
cd "$4"
pass=0 fail=0 xfail=0 xpass=0
for f in *.py; do
    name=${f%.py}
    got=$( (timeout 20 "$weft" "$mode" "$f" 2>&1 >/dev/null; echo "exit: $?") )
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
echo "$label: $pass passed, $fail failed, $xfail xfail, $xpass xpass"
[ "$fail" -eq 0 ]
