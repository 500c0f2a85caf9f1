#!/usr/bin/env python3
"""Differential fuzzing of weft's tokenizer against CPython's compile().

    diff_fuzz.py TOKDUMP [--n 20000] [--seed 1]

Mutates small Python-like seeds, then for each input:
  * CPython compiles it          → weft must tokenize it without error;
  * CPython reports a tokenizer-level error (message in TOKENIZER_MESSAGES)
                                 → weft must report the same message, line
                                   and offset;
Parser errors are not compared (CPython reports a tokenizer error found
later in the file only when it is on an earlier line than the parser's),
nor errors inside f-string expressions, which CPython 3.11 finds when its
parser re-tokenizes the expression (weft's f-string stage is the parser's).  Prints a summary and the first
mismatches; exit status 1 if there are any.  Not run by ctest (minutes).
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import warnings

TOKENIZER_MESSAGES = (
    "invalid decimal literal", "invalid hexadecimal literal", "invalid octal literal",
    "invalid binary literal", "invalid digit", "leading zeros", "unterminated", "unmatched",
    "closing parenthesis", "was never closed", "too many nested", "unexpected character after line",
    "unexpected EOF while parsing", "invalid character", "invalid non-printable", "unindent does not",
    "inconsistent use of tabs", "too many levels of indentation", "source code string cannot",
    "unknown encoding", "encoding problem",
)

SEEDS = [
    "if x:\n    y = (1, [2, {3: 'a'}])\n    z = 0x1f + 0o17 + 0b1 + 1_0 + 1.5e-3j\n",
    "def f(a, *b, c=1, **d):\n\treturn f'{a!r}' + b'\\x00' + rb'\\d'\n",
    "s = '''abc\ndef''' + \"x\\\"y\" + 'a\\\nb'\n",
    "class C:\n  def m(self):\n    pass\n  # c\n\nx = [\n  1,\n]\n",
    "x = 1 \\\n  + 2\nprint(x)\n", "é = 1\nnaïve = é\n", "x = .5 + 5. + 1e10 + 1E+5J\n",
    "for i in range(10):\n    if i: continue\n    else:\n        break\n",
]
ALPHABET = list("()[]{}'\"\\#\n\t \x0c.0123456789_xobeEjJ+-*/<>=!:;,@$?`abfruRBFU") + ["\r\n", "\u00e9", "\u20ac", "\u00a0", "\x00", "\x01", "'''", '"""']


def mutate(rnd, s):
    s = list(s)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.random()
        pos = rnd.randint(0, len(s))
        if op < 0.4 and s:
            s[min(pos, len(s) - 1)] = rnd.choice(ALPHABET)
        elif op < 0.7:
            s.insert(pos, rnd.choice(ALPHABET))
        elif s:
            del s[min(pos, len(s) - 1)]
    return "".join(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tokdump")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=30, help="mismatches to print")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    warnings.simplefilter("ignore")
    cases = []
    with tempfile.TemporaryDirectory() as d:
        for i in range(args.n):
            src = mutate(rnd, rnd.choice(SEEDS)).encode("utf-8")
            path = os.path.join(d, "c%06d.py" % i)
            with open(path, "wb") as f:
                f.write(src)
            try:
                compile(src, path, "exec")
                want = ("ok",)
            except SyntaxError as e:
                want = ("err", e.msg, e.lineno, e.offset)
            except (ValueError, RecursionError, MemoryError) as e:
                want = ("other", str(e))
            cases.append((path, src, want))
        ours = {}
        for k in range(0, len(cases), 500):
            p = subprocess.run([args.tokdump, "--string", "--no-comments"] + [c[0] for c in cases[k:k + 500]],
                               capture_output=True)
            if p.returncode != 0:
                print("tokdump failed with status", p.returncode)
                return 1
            cur = None
            for line in p.stdout.decode("utf-8", "replace").split("\n"):
                if line.startswith("== "):
                    cur = line[3:]
                    ours[cur] = None
                elif line.startswith("ERROR ") and cur:
                    ours[cur] = line
    stats = {"ok": 0, "tokerr": 0, "invalid": 0, "skipped": 0, "fstring": 0}
    bad = []
    for path, src, want in cases:
        got = ours.get(path)
        if want[0] == "ok":
            stats["ok"] += 1
            if got:
                bad.append((src, "CPython compiles it", got))
        elif want[0] == "err" and want[1].startswith(TOKENIZER_MESSAGES):
            stats["tokerr"] += 1
            # "ERROR SyntaxError L,O: msg"
            exp = "%d,%d: %s" % (want[2] or 0, want[3] if want[3] is not None else 0, want[1])
            lines = src.split(b"\n")
            errline = lines[want[2] - 1] if want[2] and want[2] <= len(lines) else b""
            matches = got and got.split(" ", 2)[2] == exp
            if not matches and re.search(rb"""[fF][rR]?['"]\{|[fF][rR]?['"][^'"\n]*\{""", errline) \
                    and want[1].startswith(("invalid", "unterminated")) and want[3] is not None and want[3] <= 3:
                # CPython 3.11 re-tokenizes f-string expressions in its parser
                # (with its own positions): that is the parser's f-string stage
                stats["fstring"] += 1
            elif not got or got.split(" ", 2)[2] != exp:
                if not (want[2] in (0, None) and got and got.endswith(want[1])):
                    bad.append((src, "CPython: " + exp, got))
        elif want[0] == "err" and want[1] == "invalid syntax":
            stats["invalid"] += 1
        else:
            stats["skipped"] += 1
    print("cases: %d; compiled by CPython: %d; tokenizer errors compared: %d (of which inside f-string "
          "expressions, left to the parser: %d); 'invalid syntax': %d; other (not compared): %d; mismatches: %d"
          % (len(cases), stats["ok"], stats["tokerr"], stats["fstring"], stats["invalid"], stats["skipped"], len(bad)))
    for src, w, g in bad[:args.show]:
        print("MISMATCH %r\n   want %s\n   got  %s" % (src, w, g))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
