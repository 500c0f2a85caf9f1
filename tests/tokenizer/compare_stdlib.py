#!/usr/bin/env python3
"""Compare weft's tokenizer with CPython's over the installed standard library.

    compare_stdlib.py TOKDUMP [--stdlib DIR] [--xfail FILE] [--verbose]

For every .py file of python3's stdlib (site-packages excluded), the token
stream of `tokenize` (as `python3 -m tokenize -e` prints it, ENCODING
dropped) is compared line by line with `TOKDUMP FILE...` (tools/tokdump.c).
Files are classified:
  same        identical token streams
  rejected    CPython rejects the file (tokenize fails or compile() raises
              a SyntaxError/ValueError in tokenizing); weft's result is
              reported, and a crash is a failure
  differ      a difference: a failure unless listed in the xfail file
              (one "relative/path  reason" per line), whose entries are
              printed with their reasons
Exit status 0 when nothing unexpected happened.
"""
import argparse
import io
import multiprocessing
import os
import subprocess
import sys
import sysconfig
import time
import tokenize
from token import tok_name


def py_tokens(path):
    """(status, lines): status 'ok' or 'rejected'."""
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError as e:
        return ("rejected", ["unreadable: %s" % e])
    accepted = True
    try:
        compile(src, path, "exec", 0x400, dont_inherit=True)  # PyCF_ONLY_AST
    except (SyntaxError, ValueError):
        accepted = False
    except RecursionError:
        pass
    out = []
    try:
        for tok in tokenize.tokenize(io.BytesIO(src).readline):
            if tok.type == tokenize.ENCODING:
                continue
            string, end = tok.string, tok.end
            if "\r" in string:
                # the C tokenizer reads "\r\n" and "\r" as "\n"; tokenize keeps them
                string = string.replace("\r\n", "\n")
                if tok.type in (tokenize.NEWLINE, tokenize.NL):
                    end = (tok.start[0], tok.start[1] + 1)
            rng = "%d,%d-%d,%d:" % (tok.start + end)
            out.append("%-20s%-15s%-15r" % (rng, tok_name[tok.exact_type], string))
    except Exception as e:  # tokenize.TokenError, SyntaxError, UnicodeDecodeError
        return ("rejected", ["tokenize: %s: %s" % (type(e).__name__, e)])
    return ("ok" if accepted else "rejected", out)


def stdlib_files(root):
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "dist-packages", "__pycache__"))
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                files.append(os.path.join(dirpath, fn))
    return files


def run_tokdump(tokdump, files):
    """{path: lines} from tokdump, batch by batch; a crashing batch is
    retried file by file so the crash is attributed."""
    result = {}
    crashes = []
    batch = 100
    for i in range(0, len(files), batch):
        chunk = files[i:i + batch]
        p = subprocess.run([tokdump] + chunk, capture_output=True)
        if p.returncode < 0 or p.returncode > 1:
            for f in chunk:
                q = subprocess.run([tokdump, f], capture_output=True)
                if q.returncode < 0 or q.returncode > 1:
                    crashes.append((f, q.returncode))
                else:
                    result.update(parse_dump(q.stdout))
            continue
        result.update(parse_dump(p.stdout))
    return result, crashes


def parse_dump(data):
    res = {}
    cur = None
    for line in data.decode("utf-8", "surrogateescape").split("\n"):
        if line.startswith("== "):
            cur = line[3:]
            res[cur] = []
        elif cur is not None and line:
            res[cur].append(line.rstrip(" ") if not line.startswith("ERROR") else line)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tokdump")
    ap.add_argument("--stdlib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--xfail", default=os.path.join(os.path.dirname(__file__), "stdlib_xfail.txt"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    xfail = {}
    if os.path.exists(args.xfail):
        for line in open(args.xfail):
            line = line.strip()
            if line and not line.startswith("#"):
                rel, _, reason = line.partition(" ")
                xfail[rel] = reason.strip()

    files = stdlib_files(args.stdlib)
    t0 = time.time()
    ours, crashes = run_tokdump(args.tokdump, files)
    t_ours = time.time() - t0
    t0 = time.time()
    with multiprocessing.Pool(2) as pool:
        theirs = dict(zip(files, pool.map(py_tokens, files, chunksize=8)))
    t_py = time.time() - t0

    same = differ = xfailed = rejected = 0
    unexpected = []
    rejected_ours_ok = []
    for f in files:
        rel = os.path.relpath(f, args.stdlib)
        status, plines = theirs[f]
        olines = ours.get(f)
        if olines is None:
            continue  # crash, reported below
        if status == "rejected":
            rejected += 1
            if not any(l.startswith("ERROR") for l in olines):
                rejected_ours_ok.append(rel)
            continue
        plines = [l.rstrip(" ") for l in plines]
        if plines == olines:
            same += 1
            if rel in xfail:
                unexpected.append((rel, "listed in xfail but now identical"))
            continue
        differ += 1
        k = next((i for i, (a, b) in enumerate(zip(plines, olines)) if a != b), min(len(plines), len(olines)))
        detail = "first difference at token %d:\n      python: %s\n      weft:   %s" % (
            k, plines[k] if k < len(plines) else "<end>", olines[k] if k < len(olines) else "<end>")
        if rel in xfail:
            xfailed += 1
            print("XFAIL %s — %s" % (rel, xfail[rel]))
            if args.verbose:
                print("    " + detail)
        else:
            unexpected.append((rel, detail))

    total = len(files)
    print("stdlib: %s" % args.stdlib)
    print("files: %d; identical: %d; xfail: %d; unexpected differences: %d; rejected by CPython: %d; crashes: %d"
          % (total, same, xfailed, len([u for u in unexpected if 'first difference' in u[1]]), rejected, len(crashes)))
    print("CPython-rejected files that weft tokenizes without error: %d%s" % (
        len(rejected_ours_ok), (" (" + ", ".join(rejected_ours_ok[:20]) + ")") if rejected_ours_ok else ""))
    print("time: weft tokdump %.2fs (all files, incl. process start and dump formatting); python tokenize+compile %.2fs (2 processes)"
          % (t_ours, t_py))
    for f, rc in crashes:
        print("CRASH %s (exit %d)" % (f, rc))
    for rel, detail in unexpected:
        print("FAIL %s: %s" % (rel, detail))
    return 1 if unexpected or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
