#!/usr/bin/env python3
"""Compile the whole standard library with `weft --compile-many` and python3.

Every .py file of python3's stdlib (sysconfig "stdlib", site-packages
excluded) is compiled in one weft process (parse, constant folding, symbol
table, code generation, then the bytecode verifier on every code object)
and by python3's compile(src, path, "exec") in this process.  Checks:
  - every file python3 compiles, weft compiles and verifies;
  - every file python3 rejects, weft rejects (messages are compared and
    differences listed, line included);
  - no verifier failure, no crash.
Prints both compile times (weft's own measurement of parse+compile+verify
per file, and python3's compile() calls) and passes when the agreement is
>= 99.5% with no unexpected difference.

usage: stdlib_compile_compare.py WEFT [--limit N]
"""
import os
import sys
import tempfile
import time
import warnings

from stdlib_common import arg_parser, run_weft, selected_files, weft_failed, write_list


def main():
    a = arg_parser().parse_args()
    warnings.simplefilter("ignore")  # SyntaxWarnings would skew python3's time
    root, files = selected_files(a.limit)
    srcs = []
    for p in files:
        with open(p, "rb") as f:
            srcs.append(f.read())
    want = {}
    t_py = 0.0
    for p, src in zip(files, srcs):
        t0 = time.perf_counter()
        try:
            compile(src, p, "exec", dont_inherit=True)
            want[p] = None
        except (SyntaxError, ValueError) as e:
            want[p] = "%s: %s (line %s)" % (type(e).__name__, e.args[0] if e.args else "", getattr(e, "lineno", None))
        t_py += time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        listfile = write_list(tmp, files)
        t0 = time.perf_counter()
        r = run_weft(a.weft, ["--compile-many", listfile])
        t_wall = time.perf_counter() - t0
    if weft_failed(r):
        return 1
    got = {}
    for line in r.stdout.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "OK":
            got[rest] = None
        elif kind in ("ERROR", "VERIFY"):
            path, _, msg = rest.partition(": ")
            got[path] = ("VERIFY " if kind == "VERIFY" else "") + msg
    print("weft:", r.stderr.strip())
    same, bad, msgdiff = 0, [], []
    for p in files:
        rel = os.path.relpath(p, root)
        w, g = want[p], got.get(p, "missing")
        if (w is None) != (g is None) or (g and g.startswith("VERIFY")):
            bad.append((rel, w, g))
            continue
        same += 1
        if w is not None and w != g:
            msgdiff.append((rel, w, g))
    rate = 100.0 * same / len(files)
    ok_files = sum(1 for p in files if want[p] is None)
    print("compile: %d/%d files agree (%.2f%%); python3 compiles %d of them" % (same, len(files), rate, ok_files))
    print("time: weft %.2f s (process wall %.2f s), python3 compile() %.2f s" % (
        float(r.stderr.split("time ")[-1].split()[0]) if "time " in r.stderr else -1, t_wall, t_py))
    for rel, w, g in msgdiff:
        print("MESSAGE %s\n  python3: %s\n  weft:    %s" % (rel, w, g))
    for rel, w, g in bad:
        print("MISMATCH %s\n  python3: %s\n  weft:    %s" % (rel, w or "compiles", g or "compiles"))
    return 0 if rate >= a.threshold and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
