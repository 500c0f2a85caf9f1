#!/bin/sh
# Run every tests/py/syntax/NAME.py through `weft --check-syntax NAME.py`
# in this directory and compare stderr + exit status with NAME.expected
# (made by tools/gen_expected_syntax.sh from python3).  Cases listed in
# xfail.txt ("NAME # reason") are known gaps: reported, not failures.
# The loop is tests/py/compare_errors.sh.
# usage: run.sh WEFT
set -u
dir=$(cd "$(dirname "$0")" && pwd)
exec sh "$dir/../compare_errors.sh" "$1" --check-syntax "syntax cases" "$dir"
