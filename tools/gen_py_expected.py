#!/usr/bin/env python3
"""Regenerate the expected files of the Python-level suite (tests/py).

usage: tools/gen_py_expected.py [--check] [SCRIPT.py | CATEGORY ...]

With no argument, every tests/py/<category>/<name>.py (not the front-end
suites dis/ fold/ symtable/ syntax/, not helpers named _*.py) gets its
<name>.out: python3's merged stdout+stderr when run as `python3 [ARGS]
<name>.py` from the script's directory (ARGS from <name>.args, shell-quoted;
when they name <name>.py the command is exactly `python3 ARGS`;
PYTHONHASHSEED=0, PYTHONUNBUFFERED unset, stdin from <name>.stdin or
/dev/null), the absolute path
of tests/py replaced by "<TESTS>", plus a last line "[exit N]" when the
exit status N is not 0 -- exactly what tests/py/run_one.sh does with weft.

Each script is run twice; a script whose output differs between the runs
is refused (non-deterministic) and its .out is left alone.  --check only
reports scripts whose .out is missing or out of date.
"""
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.realpath(os.path.join(ROOT, "tests", "py"))
SKIP = {"dis", "fold", "symtable", "syntax", "__pycache__"}


def all_scripts(categories=None):
    cats = categories or sorted(d for d in os.listdir(TESTS)
                                if os.path.isdir(os.path.join(TESTS, d)) and d not in SKIP)
    for c in cats:
        d = os.path.join(TESTS, c)
        for f in sorted(os.listdir(d)):
            if f.endswith(".py") and not f.startswith("_"):
                yield os.path.join(d, f)


def run(script, timeout=60):
    d, f = os.path.split(script)
    base = f[:-3]
    args = []
    p = os.path.join(d, base + ".args")
    if os.path.exists(p):
        with open(p) as fh:
            args = shlex.split(fh.read())
    stdin = os.path.join(d, base + ".stdin")
    env = dict(os.environ, PYTHONHASHSEED="0")
    # Default buffering (stdout to a pipe is block-buffered): PYTHONUNBUFFERED is
    # removed here and in run_one.sh.
    for k in ("PYTHONPATH", "PYTHONSTARTUP", "PYTHONWARNINGS", "PYTHONDONTWRITEBYTECODE",
              "PYTHONUNBUFFERED", "PYTHONIOENCODING", "PYTHONUTF8"):
        env.pop(k, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    with open(stdin if os.path.exists(stdin) else os.devnull, "rb") as inp:
        # as run_one.sh: ARGS before the script, or exactly ARGS when they name it
        cmd = ["python3"] + args + ([] if f in args else [f])
        r = subprocess.run(cmd, cwd=d, stdin=inp, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env, timeout=timeout)
    out = r.stdout.replace(TESTS.encode(), b"<TESTS>")
    if r.returncode != 0:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        out += b"[exit %d]\n" % (r.returncode if r.returncode >= 0 else 128 - r.returncode)
    return out


def main(argv):
    check = "--check" in argv
    argv = [a for a in argv if a != "--check"]
    scripts = []
    cats = []
    for a in argv:
        if a.endswith(".py"):
            if not os.path.exists(a):
                a = os.path.join(TESTS, a)   # also accept paths relative to tests/py
            scripts.append(os.path.realpath(a))
        else:
            cats.append(a.strip("/"))
    if cats or not scripts:
        scripts += list(all_scripts(cats or None))
    bad = 0
    for s in scripts:
        rel = os.path.relpath(s, TESTS)[:-3]
        try:
            a = run(s)
            b = run(s)
        except subprocess.TimeoutExpired:
            print("TIMEOUT", rel)
            bad += 1
            continue
        if a != b:
            print("NONDETERMINISTIC (refused)", rel)
            bad += 1
            continue
        outp = s[:-3] + ".out"
        old = open(outp, "rb").read() if os.path.exists(outp) else None
        if old == a:
            continue
        if check:
            print("OUT OF DATE", rel)
            bad += 1
            continue
        with open(outp, "wb") as fh:
            fh.write(a)
        print("wrote", rel + ".out")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
