#!/usr/bin/env python3
"""Compare `weft --dump-symtable-many` with python3's symtable module over the stdlib.

For every .py file of python3's standard library (sysconfig "stdlib",
site-packages excluded) both sides print, for each scope in CPython's
order (children depth-first), a line "TYPE NAME LINENO [nested]
[optimized]" and then one line per symbol, sorted by name: "NAME FLAGS",
FLAGS being the raw value python3's symtable keeps (definition flags |
scope << 11, what Symbol.is_local/is_global/is_free/is_parameter/... read).
Files python3 rejects must be rejected too.  Passes when >= 99.5% of the
files agree and no file outside the xfail list differs.

usage: symtable_compare.py WEFT [--xfail FILE] [--limit N]
"""
import os
import symtable
import sys
import tempfile
import time

from stdlib_common import arg_parser, print_xfails, read_xfail, run_weft, selected_files, weft_failed, write_list


def dump(t, depth, out):
    ind = "  " * depth
    out.append("%s%s %s %d%s%s" % (ind, t.get_type(), t.get_name(), t.get_lineno(),
                                   " nested" if t.is_nested() else "",
                                   " optimized" if t.is_optimized() else ""))
    for name, flags in sorted(t._table.symbols.items()):
        out.append("%s  %s %d" % (ind, name, flags))
    for c in t.get_children():
        dump(c, depth + 1, out)


def expected(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        compile(src, path, "exec", dont_inherit=True)
        t = symtable.symtable(src, path, "exec")
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        return "ERROR %s: %s\n" % (type(e).__name__, e.args[0] if e.args else "")
    out = []
    dump(t, 0, out)
    return "\n".join(out) + "\n"


def main():
    a = arg_parser(xfail=True).parse_args()
    root, files = selected_files(a.limit)
    xfail = read_xfail(a.xfail)
    with tempfile.TemporaryDirectory() as tmp:
        listfile = write_list(tmp, files)
        t0 = time.perf_counter()
        r = run_weft(a.weft, ["--dump-symtable-many", listfile, tmp])
        t_weft = time.perf_counter() - t0
        if weft_failed(r):
            return 1
        print("weft:", r.stdout.strip())
        same = 0
        bad = []
        xf = []
        for i, path in enumerate(files):
            rel = os.path.relpath(path, root)
            want = expected(path)
            with open(os.path.join(tmp, "%d.txt" % i), encoding="utf-8", errors="replace") as f:
                got = f.read()
            w_err, g_err = want.startswith("ERROR"), got.startswith("ERROR")
            ok = (w_err and g_err) or want == got
            if ok:
                same += 1
            elif rel in xfail:
                xf.append((rel, xfail[rel]))
            else:
                wl, gl = want.splitlines(), got.splitlines()
                k = next((j for j in range(min(len(wl), len(gl))) if wl[j] != gl[j]), min(len(wl), len(gl)))
                bad.append((rel, wl[k] if k < len(wl) else "<end>", gl[k] if k < len(gl) else "<end>"))
    rate = 100.0 * same / len(files)
    print("symtable: %d/%d files identical (%.2f%%), weft %.2f s" % (same, len(files), rate, t_weft))
    print_xfails(xf)
    for rel, w, g in bad:
        print("MISMATCH %s\n  python3: %s\n  weft:    %s" % (rel, w, g))
    return 0 if rate >= a.threshold and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
