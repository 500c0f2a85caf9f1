#!/bin/sh
# Regenerate tests/py/DIR/NAME.expected from the machine's python3
# (CPython 3.11): what `python3 NAME.py` writes on stderr when it rejects
# the file, then a line "exit: STATUS".  Run from anywhere; python3 runs in
# the test directory, and the directory python3 prefixes to the file name
# is stripped, so the expected text is relocatable.  Used by
# gen_expected_syntax.sh and gen_expected_compile_errors.sh.
# usage: gen_expected_errors.sh DIR   (syntax or symtable)
set -eu
dir=$(cd "$(dirname "$0")/../tests/py/$1" && pwd)
cd "$dir"
for f in *.py; do
    name=${f%.py}
    set +e
    err=$(python3 "$f" 2>&1 >/dev/null)
    rc=$?
    set -e
    # python3 makes the script path absolute: strip the directory
    printf '%s\nexit: %d\n' "$err" "$rc" | sed "s|\"$dir/|\"|" > "$name.expected"
done
echo "regenerated $(ls *.expected | wc -l) expected files in $dir"
