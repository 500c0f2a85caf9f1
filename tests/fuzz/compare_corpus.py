#!/usr/bin/env python3
"""tests/fuzz/compare_corpus.py WEFT DIR... -- differential check of the
parser seed corpus against the machine's python3 (CPython 3.11).

Every file in each DIR goes through `weft --dump-ast-many` and through
ast.dump(ast.parse(bytes)) here: a file python3 parses must dump
identically, and a file it rejects must be rejected.  Two known,
documented divergences are skipped, not failed: python3's ast.dump
running out of Python recursion on a very deep tree (weft's dump is not
recursive in Python), and invalid UTF-8 inside a comment, which
ast.parse(bytes) ignores but `python3 FILE` (what weft follows)
rejects.  Exits 1 on any other mismatch."""
import ast
import os
import subprocess
import sys
import tempfile
import warnings


def python_dump(src):
    try:
        return ast.dump(ast.parse(src)), None
    except RecursionError:
        return None, "skip"
    except (SyntaxError, ValueError, MemoryError):
        return None, "reject"


def main():
    weft, dirs = sys.argv[1], sys.argv[2:]
    warnings.simplefilter("ignore")
    files = sorted(os.path.join(d, f) for d in dirs for f in os.listdir(d)
                   if os.path.isfile(os.path.join(d, f)))
    bad = skipped = 0
    with tempfile.TemporaryDirectory() as out:
        lst = os.path.join(out, "list")
        with open(lst, "w", encoding="utf-8") as fh:
            fh.write("\n".join(files) + "\n")
        subprocess.run([weft, "--dump-ast-many", lst, out], check=True,
                       stdout=subprocess.DEVNULL, timeout=600)
        for i, path in enumerate(files):
            with open(path, "rb") as fh:
                src = fh.read()
            want, status = python_dump(src)
            with open(os.path.join(out, "%d.txt" % i), encoding="utf-8", errors="replace") as fh:
                got = fh.read().rstrip("\n")
            if status == "skip" or (status is None and got.startswith("ERROR SyntaxError: Non-UTF-8 code")):
                skipped += 1
            elif status == "reject":
                if not got.startswith("ERROR "):
                    bad += 1
                    print("ACCEPTED (python3 rejects):", path)
            elif got != want:
                bad += 1
                print("MISMATCH:", path)
                print("  python3:", want[:300])
                print("  weft:   ", got[:300])
    print("corpus files: %d, mismatches: %d, skipped (known divergences): %d" % (len(files), bad, skipped))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
