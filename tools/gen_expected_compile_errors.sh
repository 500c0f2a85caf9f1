#!/bin/sh
# Regenerate tests/py/symtable/NAME.expected from the machine's python3
# (CPython 3.11): what `python3 NAME.py` writes on stderr when compiling it
# fails (symbol-table and code-generator errors), then "exit: STATUS".
# Run from anywhere; the directory python3 prefixes to the file name is
# stripped so the expected text is relocatable.  Checked by
# tests/py/symtable/run.sh through `weft --compile`.
set -eu
dir=$(cd "$(dirname "$0")/../tests/py/symtable" && pwd)
cd "$dir"
for f in *.py; do
    name=${f%.py}
    set +e
    err=$(python3 "$f" 2>&1 >/dev/null)
    rc=$?
    set -e
    printf '%s\nexit: %d\n' "$err" "$rc" | sed "s|\"$dir/|\"|" > "$name.expected"
done
echo "regenerated $(ls *.expected | wc -l) expected files in $dir"
