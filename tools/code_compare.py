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
import collections
import os
import sys
import tempfile
import warnings

from stdlib_common import arg_parser, print_xfails, read_xfail, run_weft, selected_files, weft_failed, write_list


def info(co, out):
    out.append("%s|%d|%d|%d|%d|%d|%s|%s|%s|" % (co.co_qualname, co.co_firstlineno, co.co_flags, co.co_argcount,
                                             co.co_posonlyargcount, co.co_kwonlyargcount, ",".join(co.co_varnames),
                                             ",".join(co.co_cellvars), ",".join(co.co_freevars)))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            info(c, out)


def main():
    a = arg_parser(xfail=True).parse_args()
    warnings.simplefilter("ignore")
    root, files = selected_files(a.limit)
    xfail = read_xfail(a.xfail)
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
        listfile = write_list(tmp, files)
        r = run_weft(a.weft, ["--code-info-many", listfile, tmp])
        if weft_failed(r):
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
    print_xfails(xf)
    for rel, w, g in bad:
        print("MISMATCH %s" % rel)
        for x in w:
            print("  python3: %s" % x)
        for x in g:
            print("  weft:    %s" % x)
    return 0 if rate >= a.threshold and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
