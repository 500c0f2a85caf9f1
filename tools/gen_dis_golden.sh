#!/bin/sh
# Regenerate tests/py/dis/NAME.dis with `weft --dis NAME.py` (weft's own
# format, documented in runtime/compiler/code.c).  Only after reviewing
# that a change in the generated code is intended.
# usage: tools/gen_dis_golden.sh WEFT
set -eu
weft=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$(dirname "$0")/../tests/py/dis" && pwd)
cd "$dir"
for f in *.py; do
    "$weft" --dis "$f" > "${f%.py}.dis"
done
echo "regenerated $(ls *.dis | wc -l) golden files in $dir"
