#!/usr/bin/env python3
"""Write tests/unit/str_unicode_expected.txt: what python3 (CPython 3.11)
says about str's case and class methods for every code point, for
tests/unit/test_str_unicode.c.

Lines (all numbers hexadecimal):
  P NAME LO HI          chr(c).NAME() is True for LO <= c <= HI (NAME one of
                        the predicates below; maximal runs, sorted)
  M NAME CP R1 [R2 R3]  chr(CP).NAME() == R1 R2 R3 for the code points whose
                        one-character mapping is not the character itself
  H NAME V CHUNK HASH   NAME() of the variant-V string built from code points
                        CHUNK*4096 .. CHUNK*4096+4095 has FNV-1a-64 HASH over
                        its code points (h ^= cp; h *= 0x100000001b3)
  C INDEX RESULT         the INDEX-th CASE(method, "text") row of
                        tests/unit/test_str_unicode.c: text.method() as True,
                        False, or its code points ('-' for '')
Variants: 0 the code points in order; 1 each preceded by ' '; 2 each c as
'A' c 'Σ' c ' '; 3 each c as c 'Σ' ' ' (context: title-casing after cased or
uncased characters, Final_Sigma on both sides).
Usage: tools/gen_str_unicode_expected.py [OUT]
"""
import ast
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "tests", "unit", "test_str_unicode.c")
CASE = re.compile(r'^\s*CASE\("(\w+)", "((?:[^"\\]|\\.)*)"\)', re.M)

MAXCP = 0x110000
PREDICATES = ["isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace", "islower",
              "isupper", "istitle", "isidentifier", "isprintable"]
MAPPINGS = ["upper", "lower", "title", "casefold"]
METHODS = ["upper", "lower", "casefold", "swapcase", "capitalize", "title"]
CHUNK = 4096
SIGMA = "\u03a3"


def fnv(s):
    h = 0xCBF29CE484222325
    for ch in s:
        h ^= ord(ch)
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def variant(v, cps):
    cs = [chr(c) for c in cps]
    if v == 0:
        return "".join(cs)
    if v == 1:
        return "".join(" " + c for c in cs)
    if v == 2:
        return "".join("A" + c + SIGMA + c + " " for c in cs)
    return "".join(c + SIGMA + " " for c in cs)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(
        HERE, "..", "tests", "unit", "str_unicode_expected.txt"))
    lines = []
    cases = CASE.findall(open(SRC, encoding="utf-8").read())
    if not cases:
        sys.exit("no CASE(...) rows in " + SRC)
    for i, (method, text) in enumerate(cases):
        r = getattr(ast.literal_eval('"%s"' % text), method)()
        if isinstance(r, bool):
            r = str(r)
        else:
            r = " ".join("%X" % ord(c) for c in r) or "-"
        lines.append("C %d %s" % (i, r))
    for name in PREDICATES:
        start = None
        for cp in range(MAXCP + 1):
            ok = cp < MAXCP and getattr(chr(cp), name)()
            if ok and start is None:
                start = cp
            elif not ok and start is not None:
                lines.append("P %s %X %X" % (name, start, cp - 1))
                start = None
    for name in MAPPINGS:
        for cp in range(MAXCP):
            r = getattr(chr(cp), name)()
            if r != chr(cp):
                lines.append("M %s %X %s" % (name, cp, " ".join("%X" % ord(x) for x in r)))
    for name in METHODS:
        for v in range(4):
            for chunk in range(MAXCP // CHUNK):
                s = variant(v, range(chunk * CHUNK, (chunk + 1) * CHUNK))
                lines.append("H %s %d %X %X" % (name, v, chunk, fnv(getattr(s, name)())))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d lines" % (out, len(lines)))


if __name__ == "__main__":
    main()
