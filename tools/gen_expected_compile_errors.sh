#!/bin/sh
# Regenerate tests/py/symtable/NAME.expected from the machine's python3
# (CPython 3.11): what `python3 NAME.py` writes on stderr when compiling it
# fails (symbol-table and code-generator errors), then "exit: STATUS" (see
# gen_expected_errors.sh).  Checked by tests/py/symtable/run.sh through
# `weft --compile`.
set -eu
exec sh "$(dirname "$0")/gen_expected_errors.sh" symtable
