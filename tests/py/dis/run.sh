#!/bin/sh
# Golden disassemblies: `weft --dis NAME.py` (run in this directory) must
# print exactly NAME.dis.  They pin the compiler's choices so that changes
# to the generated code are deliberate: after an intended change, review
# the diff and regenerate with tools/gen_dis_golden.sh.
# usage: run.sh WEFT
set -u
weft=$1
dir=$(cd "$(dirname "$0")" && pwd)
cd "$dir"
pass=0 fail=0
for f in *.py; do
    name=${f%.py}
    if "$weft" --dis "$f" 2>&1 | diff -u "$name.dis" - > /tmp/weft_dis_$$.diff; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        head -60 /tmp/weft_dis_$$.diff
    fi
    rm -f /tmp/weft_dis_$$.diff
done
echo "dis golden cases: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
