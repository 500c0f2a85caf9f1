#!/usr/bin/env python3
"""Compare `weft --dump-ast` with python3's ast.dump over the standard library.

Lists every .py file of python3's stdlib (sysconfig "stdlib" path,
site-packages excluded), dumps them all in one python3 process and in one
`weft --dump-ast-many` process, and compares file by file:
  - a file python3 parses must dump identically;
  - a file python3 rejects must be rejected.
Files listed in the xfail file (path relative to the stdlib, then a reason
after " # ") are reported but not counted as failures.  Passes when the
match rate is >= 99.5%, weft did not crash, and no unexpected mismatch
remains beyond that rate.  Prints the match rate, mismatches, and the time
each side spent parsing.

usage: stdlib_ast_compare.py WEFT [--xfail FILE] [--attrs] [--limit N]
  --attrs  compare with include_attributes=True (positions too)
"""
import ast
import os
import sys
import tempfile
import time

from stdlib_common import arg_parser, print_xfails, read_xfail, run_weft, selected_files, write_list


def main():
    ap = arg_parser(xfail=True)
    ap.add_argument("--attrs", action="store_true")
    a = ap.parse_args()
    root, files = selected_files(a.limit)
    xfail = read_xfail(a.xfail)

    # python3 side, one process (this one)
    expected = []
    t_py = 0.0
    for f in files:
        with open(f, "rb") as fh:
            src = fh.read()
        t0 = time.perf_counter()
        try:
            tree = ast.parse(src)
            t_py += time.perf_counter() - t0
            expected.append(ast.dump(tree, include_attributes=a.attrs))
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            t_py += time.perf_counter() - t0
            expected.append("ERROR %s: %s" % (type(e).__name__, getattr(e, "msg", str(e))))

    # weft side, one process
    with tempfile.TemporaryDirectory() as tmp:
        listfile = write_list(tmp, files)
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        env = dict(os.environ)
        if a.attrs:
            env["WEFT_DUMP_ATTRIBUTES"] = "1"
        t0 = time.perf_counter()
        r = run_weft(a.weft, ["--dump-ast-many", listfile, outdir], env=env)
        t_weft_wall = time.perf_counter() - t0
        crashed = r.returncode != 0
        if crashed:
            print("weft exited with status %d: %s" % (r.returncode, r.stderr[-2000:]))
        summary = r.stdout.strip()
        got = []
        for i in range(len(files)):
            p = os.path.join(outdir, "%d.txt" % i)
            if os.path.exists(p):
                with open(p, encoding="utf-8", errors="replace") as fh:
                    got.append(fh.read().rstrip("\n"))
            else:
                got.append(None)

    match = 0
    fails, xfails, xpass = [], [], []
    for f, exp, g in zip(files, expected, got):
        rel = os.path.relpath(f, root)
        if g is None:
            ok = False
            why = "no output (crash?)"
        elif exp.startswith("ERROR "):
            ok = g.startswith("ERROR ")
            why = "python3 rejects (%s), weft accepts" % exp[6:] if not ok else ""
        else:
            ok = g == exp
            why = "" if ok else ("weft rejects: %s" % g[6:] if g.startswith("ERROR ") else "dump differs")
        if ok:
            match += 1
            if rel in xfail:
                xpass.append(rel)
        elif rel in xfail:
            xfails.append((rel, xfail[rel]))
        else:
            fails.append((rel, why))
    rate = 100.0 * match / max(1, len(files))
    print("stdlib: %s" % root)
    print("files: %d  identical/rejected-as-python3: %d  (%.2f%%)" % (len(files), match, rate))
    print("python3 ast.parse time: %.3f s" % t_py)
    print("weft: %s (wall %.3f s including dump and file writes)" % (summary, t_weft_wall))
    print_xfails(xfails)
    for rel in xpass:
        print("XPASS %s (remove from the xfail list)" % rel)
    for rel, why in fails:
        print("FAIL %s: %s" % (rel, why))
    ok = not crashed and rate >= a.threshold and all(g is not None for g in got)
    print("PASS" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
