#!/bin/sh
# Regenerate tests/py/syntax/NAME.expected from the machine's python3
# (CPython 3.11): what `python3 NAME.py` writes on stderr when it rejects
# the file, then a line "exit: STATUS" (see gen_expected_errors.sh).
# Checked by tests/py/syntax/run.sh through `weft --check-syntax`.
set -eu
exec sh "$(dirname "$0")/gen_expected_errors.sh" syntax
