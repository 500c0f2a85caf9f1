#!/usr/bin/env python3
"""Compare weft's code objects with python3's over the standard library.

For every stdlib file python3 compiles, both sides list each code object
(module, classes, functions, lambdas, comprehensions) as
"qualname|firstlineno|flags|argcount|posonlyargcount|kwonlyargcount|
co_varnames|co_cellvars|co_freevars|" and the sorted lists are compared:
this checks the symbol table's scopes as the code generator turns them into
fast locals, cells and free variables, plus flags and qualified names.
(The instructions themselves are weft's own and are checked by the
verifier and the golden disassemblies, not here.)  A file also agrees when
python3 lists extra code objects that weft dropped as dead code: CPython
3.11 keeps some unreachable nested code in co_consts (an `if 0:` body),
weft keeps only constants its instructions use.  Passes at >= 99.5%.

usage: code_compare.py WEFT [--limit N] [--xfail FILE]
"""
import argparse
import collections
import os
import subprocess
import sys
import sysconfig
import tempfile
import warnings


def stdlib_files():
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        for f in sorted(files):
            if f.endswith(".py"):
                out.append(os.path.join(d, f))
    return root, out


def info(co, out):
    out.append("%s|%d|%d|%d|%d|%d|%s|%s|%s|" % (co.co_qualname, co.co_firstlineno, co.co_flags, co.co_argcount,
                                             co.co_posonlyargcount, co.co_kwonlyargcount, ",".join(co.co_varnames),
                                             ",".join(co.co_cellvars), ",".join(co.co_freevars)))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            info(c, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("weft")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--xfail")
    ap.add_argument("--threshold", type=float, default=99.5)
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    root, files = stdlib_files()
    if a.limit:
        files = files[: a.limit]
    xfail = {}
    if a.xfail and os.path.exists(a.xfail):
        for line in open(a.xfail, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                path, _, reason = line.partition(" # ")
                xfail[path.strip()] = reason.strip()
    want = {}
    for p in files:
        with open(p, "rb") as f:
            src = f.read()
        try:
            co = compile(src, p, "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        out = []
        info(co, out)
        want[p] = sorted(out)
    files = [p for p in files if p in want]
    with tempfile.TemporaryDirectory() as tmp:
        listfile = os.path.join(tmp, "list.txt")
        with open(listfile, "w", encoding="utf-8") as f:
            f.write("\n".join(files) + "\n")
        r = subprocess.run([a.weft, "--code-info-many", listfile, tmp], capture_output=True, text=True, timeout=600)
        if r.returncode != 0:
            print("weft failed (status %d): %s" % (r.returncode, r.stderr[-2000:]))
            return 1
        same, bad, xf, dead = 0, [], [], 0
        for i, p in enumerate(files):
            rel = os.path.relpath(p, root)
            with open(os.path.join(tmp, "%d.txt" % i), encoding="utf-8", errors="replace") as f:
                got = sorted(x for x in f.read().splitlines() if x)
            extra = collections.Counter(want[p]) - collections.Counter(got)
            if got == want[p]:
                same += 1
            elif not collections.Counter(got) - collections.Counter(want[p]):
                # CPython 3.11 keeps the code objects of some dead code in
                # co_consts (an `if 0:` body, code after `continue`); weft
                # keeps only the constants its instructions use
                same += 1
                dead += sum(extra.values())
            elif rel in xfail:
                xf.append((rel, xfail[rel]))
            else:
                w, g = set(want[p]) - set(got), set(got) - set(want[p])
                bad.append((rel, sorted(w)[:3], sorted(g)[:3]))
    rate = 100.0 * same / len(files)
    print("code objects: %d/%d files identical (%.2f%%); %d dead-code objects only CPython keeps" % (
        same, len(files), rate, dead))
    for rel, reason in xf:
        print("XFAIL %s: %s" % (rel, reason))
    for rel, w, g in bad:
        print("MISMATCH %s" % rel)
        for x in w:
            print("  python3: %s" % x)
        for x in g:
            print("  weft:    %s" % x)
    return 0 if rate >= a.threshold and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
