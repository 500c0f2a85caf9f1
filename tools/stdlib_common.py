"""Shared pieces of the stdlib comparison tools (stdlib_ast_compare.py,
symtable_compare.py, code_compare.py, strconst_compare.py,
stdlib_compile_compare.py).

Each tool computes python3's answer for every .py file of the standard
library in its own process, runs one `weft --*-many LISTFILE [OUTDIR]`
process over the same list, and compares file by file; this module holds
the file listing, the common command line, the xfail list and the weft
run so that the tools differ only in what they compare.
"""
import argparse
import os
import subprocess
import sysconfig


def stdlib_files():
    """(root, paths): every .py file of python3's stdlib, site-packages and
    __pycache__ excluded, in a stable (sorted walk) order."""
    root = sysconfig.get_paths()["stdlib"]
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        for f in sorted(files):
            if f.endswith(".py"):
                out.append(os.path.join(d, f))
    return root, out


def arg_parser(xfail=False):
    """The options every tool takes: WEFT, --limit N, --threshold PCT and,
    with xfail, --xfail FILE."""
    ap = argparse.ArgumentParser()
    ap.add_argument("weft")
    if xfail:
        ap.add_argument("--xfail")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=99.5)
    return ap


def selected_files(limit):
    """stdlib_files(), cut to the first `limit` files when limit is set."""
    root, files = stdlib_files()
    if limit:
        files = files[:limit]
    return root, files


def read_xfail(path):
    """{stdlib-relative path: reason} from an xfail file ("PATH # reason" a
    line, '#' comments); empty when path is None or missing."""
    xfail = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                p, _, reason = line.partition(" # ")
                xfail[p.strip()] = reason.strip()
    return xfail


def write_list(tmp, files):
    """Write the paths one a line to TMP/list.txt; return its path."""
    listfile = os.path.join(tmp, "list.txt")
    with open(listfile, "w", encoding="utf-8") as f:
        f.write("\n".join(files) + "\n")
    return listfile


def run_weft(weft, args, env=None):
    """Run weft with args (10 minutes at most); the CompletedProcess."""
    return subprocess.run([weft] + list(args), capture_output=True, text=True, env=env, timeout=600)


def weft_failed(r):
    """True (after saying so) when the weft run r exited non-zero."""
    if r.returncode != 0:
        print("weft failed (status %d): %s" % (r.returncode, r.stderr[-2000:]))
        return True
    return False


def print_xfails(xf):
    """One "XFAIL path: reason" line per expected failure."""
    for rel, reason in xf:
        print("XFAIL %s: %s" % (rel, reason))
