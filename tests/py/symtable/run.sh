#!/bin/sh
# Run every tests/py/symtable/NAME.py through `weft --compile NAME.py` in
# this directory and compare stderr + exit status with NAME.expected (made
# by tools/gen_expected_compile_errors.sh from python3).  These are the
# errors of the symbol table and the code generator.  Cases listed in
# xfail.txt ("NAME # reason") are known gaps: reported, not failures.
# The loop is tests/py/compare_errors.sh.
# usage: run.sh WEFT
set -u
dir=$(cd "$(dirname "$0")" && pwd)
exec sh "$dir/../compare_errors.sh" "$1" --compile "compile error cases" "$dir"
