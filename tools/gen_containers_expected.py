#!/usr/bin/env python3
"""Generate tests/unit/containers_expected.txt: what CPython gives for each
case of tests/unit/test_containers.c.

The C file's CASES table holds, for every case, an id and the Python code
that the C function next to it mirrors through Weft's C API, as
    ROW(id, "python code")
This script reads those rows, runs each code with exec() (the result is the
variable r) and prints `id<TAB>repr(r)`, or `id<TAB>ExceptionName: str(e)`
when the code raises.  Run it with python3 (3.11+) from the repository root:

    python3 tools/gen_containers_expected.py > tests/unit/containers_expected.txt

Only ints, floats, tuples and frozensets are hashed in the cases (never
str), so the results do not depend on hash randomisation.
"""
import os
import re
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "tests", "unit", "test_containers.c")
ROW = re.compile(r'^\s*ROW\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', re.M)


def c_unescape(s):
    return s.encode("latin-1", "backslashreplace").decode("unicode_escape").encode(
        "latin-1").decode("utf-8")


def main():
    warnings.simplefilter("ignore")  # SyntaxWarnings of deliberate errors
    text = open(SRC, encoding="utf-8").read()
    rows = ROW.findall(text)
    if not rows:
        sys.exit("no ROW(...) lines found in " + SRC)
    seen = set()
    for cid, code in rows:
        if cid in seen:
            sys.exit("duplicate case id " + cid)
        seen.add(cid)
        env = {}
        try:
            exec(c_unescape(code), env)
            out = repr(env["r"])
        except Exception as e:  # noqa: BLE001 - the message is the result
            out = "%s: %s" % (type(e).__name__, e)
        assert "\n" not in out, cid
        print("%s\t%s" % (cid, out))


if __name__ == "__main__":
    main()
