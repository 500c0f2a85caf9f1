#!/usr/bin/env python3
"""Generate the expected results of a C test suite whose cases are written
as rows of Python code: what CPython gives for each case.

The C file holds, for every case, an id and the Python code that the C
function next to it mirrors through Weft's C API, as
    ROW(id, "python code")
This script reads those rows, runs each code with exec() (the result is the
variable r) and prints `id<TAB>repr(r)`, or `id<TAB>ExceptionName: str(e)`
when the code raises.  Run it with python3 (3.11+) from the repository root:

    python3 tools/gen_rows_expected.py tests/unit/test_containers.c > tests/unit/containers_expected.txt
    python3 tools/gen_rows_expected.py tests/unit/test_sequences.c > tests/unit/sequences_expected.txt

str and bytes hashes are salted in CPython, so the cases never print them
(they only compare them with each other); the hashes printed are of ints,
floats, tuples, frozensets and ranges, which are not salted.
"""
import re
import sys
import warnings

ROW = re.compile(r'^\s*ROW\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', re.M)


def c_unescape(s):
    # C escapes act on bytes: the UTF-8 of the source text, escapes
    # resolved, read back as UTF-8 (so non-ASCII text in a ROW works).
    return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_rows_expected.py TEST_FILE.c")
    src = sys.argv[1]
    warnings.simplefilter("ignore")  # SyntaxWarnings of deliberate errors
    text = open(src, encoding="utf-8").read()
    rows = ROW.findall(text)
    if not rows:
        sys.exit("no ROW(...) lines found in " + src)
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
