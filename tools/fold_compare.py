#!/usr/bin/env python3
"""Constant folding against python3, expression by expression.

Each line of tests/py/fold/cases.txt is compiled as `y = EXPR` by python3
and by `weft --dis`; the constants of the module code object must be the
same values (frozensets compared as sets, nested code objects ignored).

usage: fold_compare.py WEFT CASES
"""
import math
import os
import re
import subprocess
import sys
import tempfile
import warnings


def norm(c):
    if isinstance(c, frozenset):
        return "frozenset(%r)" % sorted(map(norm, c))
    if isinstance(c, tuple):
        return "(" + ", ".join(map(norm, c)) + ")"
    return repr(c)


def weft_consts(weft, path):
    out = subprocess.run([weft, "--dis", path], capture_output=True, text=True, timeout=60).stdout
    line = next(l for l in out.splitlines() if l.strip().startswith("consts:"))
    body = line.split("consts:", 1)[1].strip()
    items = re.split(r", (?=\d+ )", body) if body else []
    vals = []
    for it in items:
        r = it.split(" ", 1)[1]
        if r.startswith("<code object"):
            continue
        try:
            v = eval(r, {"inf": math.inf, "nan": math.nan, "frozenset": frozenset})
        except Exception:
            vals.append(r)
            continue
        if v is not None:
            vals.append(norm(v))
    return sorted(vals)


def main():
    weft, cases = sys.argv[1], sys.argv[2]
    warnings.simplefilter("ignore")
    bad = n = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "f.py")
        for e in open(cases, encoding="utf-8"):
            e = e.rstrip("\n")
            if not e or e.startswith("#"):
                continue
            n += 1
            src = "y = " + e + "\n"
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
            co = compile(src, path, "exec", dont_inherit=True)
            want = sorted(norm(c) for c in co.co_consts if c is not None and not hasattr(c, "co_code"))
            got = weft_consts(weft, path)
            if want != got:
                bad += 1
                print("DIFF %s\n  python3: %s\n  weft:    %s" % (e, want, got))
    print("folding: %d cases, %d differ" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
