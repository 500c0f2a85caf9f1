#!/usr/bin/env python3
"""Compare the str constants of weft's code objects with python3's.

For every stdlib file python3 compiles, both sides list the repr of every
str constant of every code object (docstrings, names in KW_NAMES/import
tuples are inside tuples and not listed; folded strings like 'ab' * 2 and
"abc"[1] are).  With --future-annotations every file is compiled with
`from __future__ import annotations` prepended, so every annotation of the
standard library becomes a string constant: this checks unparse.c against
CPython's ast_unparse.c.  A file agrees when weft's set is a subset of
python3's (CPython 3.11 keeps constants of some dead code) — a string weft
makes that python3 does not is a mismatch.  Passes at >= 99.5% with no
mismatch outside the xfail list.

usage: strconst_compare.py WEFT [--future-annotations] [--limit N]
"""
import os
import sys
import tempfile
import warnings

from stdlib_common import arg_parser, run_weft, selected_files, weft_failed, write_list

PREFIX = b"from __future__ import annotations\n"


def strs(co, out):
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            strs(c, out)
        elif type(c) is str:
            out.add(repr(c))


def main():
    ap = arg_parser()
    ap.add_argument("--future-annotations", action="store_true")
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    root, files = selected_files(a.limit)
    with tempfile.TemporaryDirectory() as tmp:
        want, paths = {}, []
        for i, p in enumerate(files):
            with open(p, "rb") as f:
                src = f.read()
            if a.future_annotations:
                if src.startswith(b"\xef\xbb\xbf") or b"coding" in src[:200]:
                    continue
                src = PREFIX + src
            try:
                co = compile(src, p, "exec", dont_inherit=True)
            except (SyntaxError, ValueError):
                continue
            s = set()
            strs(co, s)
            q = os.path.join(tmp, "src%d.py" % i)
            with open(q, "wb") as f:
                f.write(src)
            want[q] = (os.path.relpath(p, root), s)
            paths.append(q)
        listfile = write_list(tmp, paths)
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        r = run_weft(a.weft, ["--str-consts-many", listfile, out])
        if weft_failed(r):
            return 1
        same, bad = 0, []
        for i, q in enumerate(paths):
            rel, w = want[q]
            with open(os.path.join(out, "%d.txt" % i), encoding="utf-8", errors="surrogateescape") as f:
                got = set(x for x in f.read().split("\n") if x)
            extra = got - w
            if not extra:
                same += 1
            else:
                bad.append((rel, sorted(extra)[:4]))
    rate = 100.0 * same / len(paths)
    print("str constants%s: %d/%d files agree (%.2f%%)" % (
        " (future annotations)" if a.future_annotations else "", same, len(paths), rate))
    for rel, extra in bad:
        print("MISMATCH %s" % rel)
        for x in extra:
            print("  weft only: %s" % x)
    return 0 if rate >= a.threshold and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
