#!/usr/bin/env python3
"""Generate tests/tokenizer/test_data.h: inputs for tests/unit/test_tokenizer.c
with the results python3 (CPython 3.11, the oracle) gives for them.

    python3 tests/tokenizer/gen_test_data.py   # rewrites test_data.h

Every expected value below is computed here by python3; the inputs are
listed in this file.  The generated header is committed.
"""
import ast
import io
import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import tokenize
import unicodedata
from token import tok_name

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_data.h")


def c_str(b):
    """C string literal for bytes b (octal escapes, split to avoid hex runs)."""
    if isinstance(b, str):
        b = b.encode("utf-8", "surrogatepass")
    out = ['"']
    for x in b:
        c = chr(x)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 0x20 <= x < 0x7F and c != "?":
            out.append(c)
        else:
            out.append("\\%03o" % x)
    out.append('"')
    return "".join(out)


# ---- tokenizer errors (string mode: compile()) -------------------------------
ERROR_CASES = [
    b"x = 1_\n", b"x = 0777\n", b"x = 0x\n", b"x = 1e\n", b"x = 'abc\n", b"x = '''abc\n\n",
    b"x = (1,\n", b"x = 1)\n", b"x = (1]\n", b"x = (1,\n 2]\n", b"x = [1,\n 2)\n",
    b"if x:\n\ty = 1\n        z = 2\n", b"if x:\n    y = 1\n  z = 2\n", b"x = 1 \\ y\n",
    b"x = \0\n", b"# coding: foo\nx\n", b"#!/bin/sh\n# vim: set fileencoding=foo :\nx=1\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n", b"x = $\n"[:0] + b"x = \x01\n", b"x = 1\x0b\n",
    b"x = 1\xc2\xa0\n", b"\xc2\xb7x = 1\n", b"x = \xe2\x82\xac\n", b"\xe2\x82\xac = 1\n",
    b"a\xe2\x82\xac = 1\n", b"x = 0b12\n", b"x = 0o8\n", b"x = 1__0\n", b"x = 09\n",
    b"x = 1abc\n", b"x = " + b"(" * 201 + b"\n", b"x = 0xg\n", b"x = 1.5_\n", b"x = 5 \\\n",
    b"\\", b"x=1\n\\", b"x = 1e5_\n", b"x=0b\n", b"x=1_e5\n", b"x = 0b1_\n", b"x=0_\n",
    b"x=1.__class__\n", b"x=1e+\n", b"x=1.e\n", b"x = ('a\nb')\n", b"if 1:\n  x\n y\n",
    b"def f():\n\tif 1:\n        x\n", b"x = 1 # c\n\\\n", b"x=(\n", b"x=[\n\n", b"x=)\n",
    b"x=}\n", b"x = '''\nabc\ndef", b"x = 'abc", b"x = \"abc\\\n", b"s = f'abc\n",
    b"x = 0o\n", b"x = 0o1_\n", b"x = 0x_\n", b"x = 0x1_\n", b"x = 1_000_\n", b"x = 0_7\n",
    b"x = 1e-\n", b"x = 1e5a\n", b"x = 1ja\n", b"x = 0b2\n", b"x = 0o19\n", b"x = 00012\n",
    b"x = 0.5_\n", b"x = .5_\n", b"x = 1_.5\n", b"x = 1._5\n", b"x = 5__\n",
    b"if 1:\n" + b"".join(b" " * i + b"if 1:\n" for i in range(1, 100)) + b" " * 100 + b"x\n",
    b"x = {\n  'a': [1, 2,\n  (3, 4]\n}\n", b"if 1:\n        x\n\ty\n",
    b"f(x for x in y\n", b"x = \xe2\x80\x8b\n", b"if 1:\n\tx\n        y\n",
    b"if 1:\n        x\n  \ty\n", b"x = 1\xe2\x82\xac\n", b"\xf0\x9f\x98\x80 = 1\n", b"x\xe2\x80\xa8 = 1\n",
    b"# coding: ascii\nx = '\xe9'\n", b"# coding: cp1252\nx = '\x81'\n", b"# -*- coding: uft-8 -*-\n",
    b"x = 1\n\x00\n", b"x = 1\r\ny = (\r\n", b"x = 1\ry = '\r",
    b"class C:\n  x = '''a\r\n", b"x = '''\r\n\r\n", b"x = 5fori\n", b"x = 9elseo\n", b"x = 1andy\n",
    b"s = '''a\nb''' + 'a\\\nb'\\", b"x = (1 +\n'''a\nb''' \\ 2)\n",
    # non-ASCII before the error: CPython counts characters for some
    # messages and bytes for others
] + [("\u00e9 = " + t).encode() for t in (
    "(1,\n", "'abc\n", "'''abc\n", "1_\n", "1)\n", "1 \\ x\n", "0777\n", "\u20ac\n", "(1]\n",
    "\x01\n", "0x\n", "0b2\n", "(" * 201 + "\n", "5 \\\n", "(\n1]\n", "1\n \\ z\n", "1;\\\n \\ z\n",
    "1\nna\u00efve = \u00e9\\", "'''abc\ndef''' + x\\\"y\"\n", "1\nif x:\n    y\n  \u00e9\n",
    "1 \\\n  + R2\\print(x)\n", "f'''\n\n'''; x = 1 \\ 2\n")]


def py_error(src):
    try:
        compile(src, "<t>", "exec")
    except SyntaxError as e:
        end = e.end_offset if e.end_offset is not None else -1
        return (type(e).__name__, e.msg, e.lineno or 0, e.offset if e.offset is not None else -1, end)
    raise AssertionError("compiles: %r" % src)


# file-mode wording (python3 FILE): message and line only
FILE_ERROR_CASES = [
    b"x = 1\n# \xff\n", b"x\xff = 1\n", b"x = '\xc3'\n", b"x = \x00\n", b"# coding: foo\nx=1\n",
    b"# coding: ascii\nx = '\xe9'\n", b"x = 1\n# \xed\xa0\x80\n", b"\xc0\x80\n",
]


def py_file_error(src):
    with tempfile.NamedTemporaryFile(suffix=".py", delete=False) as f:
        f.write(src)
        name = f.name
    try:
        p = subprocess.run([sys.executable, name], capture_output=True, text=True)
    finally:
        os.unlink(name)
    last = p.stderr.strip().splitlines()[-1]
    assert last.startswith("SyntaxError: "), p.stderr
    msg = last[len("SyntaxError: "):].replace(name, "FILENAME")
    return msg


# ---- token streams -------------------------------------------------------------
TOKEN_CASES = [
    "x = 1\n", "if x:\n    y = 2\n\n    # c\nz = 3\n", "def f(a, *, b=1, **kw) -> int:\n\treturn a\n",
    "x = (1,\n     2)  # tail\n", "a = b'x' rb'\\d' Rb'y' bR'z' f'{x!r:>{w}}' rf'{a}' FR'x' u'u'\n",
    "s = '''a\nb\nc''' + \"\"\"d\n\"\"\"\n", "x = 0x_ff + 0o17 + 0b1010 + 1_000 + 1.5e-3 + 1j + .5 + 5. + 1E+10J\n",
    "x = [1, 2][::-1]; y @= z; z **= 2; w //= 3; a >>= 1; b <<= 2; c != d; e -> f\n",
    "if 1:\n  if 2:\n    x\n  y\nz\n", "x = 1 \\\n  + 2\n", "é = ñ + µ + ﬁ\n", "x = 'abc'  \n",
    "x = 1", "# only a comment", "\n\n\n", "x = 1if 1else 2\n", "x = 0in y\n", "@dec\nclass C: ...\n",
    "\ufeffx = 1\n", "x = {'a': [1, (2, 3)]}\n", "x\t=\t1\n", "if 1:\n\tx\n\ty\n", "x = 1\r\ny = 2\r\n",
    "async def f():\n    await x\n", "print(f'{x=}')\n", "x := 1\n", "x = '\\N{BULLET}' '\\u1234'\n",
    "class A:\n    def f(self):\n        pass\n\n\n# end\n", "x = (\n  # comment\n  1\n)\n", "\f\nx = 1\n",
    "if 1:\n    x = 1\n    \n  # c\n    y = 2\n", "x = '\\\n'\n", "x = 1  # c1\n# c2\n", "x = 0x1\u00e9 + 1\u00e9\n", "x = 1or 2 if 1in y else 0\n",
]


def py_tokens(src):
    out = []
    for tok in tokenize.tokenize(io.BytesIO(src.encode("utf-8")).readline):
        if tok.type == tokenize.ENCODING:
            continue
        string, end = tok.string, tok.end
        if "\r" in string:
            string = string.replace("\r\n", "\n")
            if tok.type in (tokenize.NEWLINE, tokenize.NL):
                end = (tok.start[0], tok.start[1] + 1)
        rng = "%d,%d-%d,%d:" % (tok.start + end)
        out.append(("%-20s%-15s%-15r" % (rng, tok_name[tok.exact_type], string)).rstrip(" "))
    return "\n".join(out) + "\n"


# ---- repr --------------------------------------------------------------------------
def str_cases():
    cs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\t\n\r\x00\x1f\x7f", "é", "\x80\x9f\xa0\xad",
          "\u2028\u2029", "\ud800", "\udfff", "a\ud83dz", "\U0001F600", "\U000E0100", "\U0010FFFF",
          "\u0378", "\ufeff", "\u200b", "\xff", "\u0100", "日本語", "\U000E0001", "\uffff"]
    rnd = random.Random(1234)
    # a deterministic sample of code points across all planes
    for cp in list(range(0, 0x3000, 7)) + list(range(0xD7F0, 0xE010)) + list(range(0xFFF0, 0x10010)) + \
            [rnd.randrange(0x110000) for _ in range(3000)]:
        cs.append(chr(cp))
    return cs


def float_cases():
    vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.0 / 3, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5,
            0.0001, 0.00001234, 123456789012345678.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, math.inf, -math.inf, math.nan, 3.141592653589793, 100.0, 1e100,
            2.0 ** 63, 2.0 ** 64, 2.0 ** -1074 * 3, 4.35, 0.3, 1 / 3, 123.456, 1e-7, 9.999999999999999e22]
    for e in range(-1074, 1024, 3):
        vals.append(2.0 ** e)
    for e in range(-330, 310):
        vals.append(float("1e%d" % e))
        vals.append(float("9.5e%d" % e))
    rnd = random.Random(42)
    for _ in range(6000):
        bits = rnd.getrandbits(64)
        v = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if not math.isnan(v):
            vals.append(v)
    for _ in range(2000):
        vals.append(round(rnd.uniform(-1000, 1000), rnd.randrange(0, 8)))
    return vals


def complex_cases():
    parts = [0.0, -0.0, 1.0, -1.0, 2.5, 1e16, 1e-5, math.inf, -math.inf, math.nan, -math.nan, 0.1, 1e300]
    return [(a, b) for a in parts for b in parts]


# ---- numbers and strings -----------------------------------------------------------
NUMBER_CASES = [
    "0", "00", "0_0", "1", "1_000_000", "123456789012345678901234567890", "0x0", "0xff", "0XdeadBEEF",
    "0x_f_f", "0o17", "0O777", "0b1010", "0B_1_0", "0x" + "f" * 100, "0b" + "1" * 300, "0o" + "7" * 200,
    "1.5", "1.", ".5", "1e10", "1E-10", "1_0.0_1e+1_0", "0.1", "1e400", "1e-400", "2.5j", "1J", "0j",
    "1e5j", "09.5", "00.5e3", "0e0", "1" * 4300, "1" * 4301, "0" * 5000, "1_" * 2200 + "1",
    "123456789" * 100 + "j", "4.9406564584124654e-324", "2.2250738585072011e-308",
    "0x" + "1234567890abcdef" * 64, "0b1" + "0" * 4000, "1_2", "0777", "1__2", "1_", "0x", "1e", "0b2",
]

STRING_CASES = [
    r"'abc'", r'"abc"', r"'''a'b'''", r'"""a"b"""', r"'\n\t\r\\\'\"\a\b\f\v'", r"'\x41\x4a'", r"'\101\7\77\777'",
    r"'\u00e9\u20AC'", r"'\U0001F600'", r"'\N{BULLET}'", r"'\N{latin small letter a}'", r"'\N{LATIN CAPITAL LETTER GHA}'",
    r"'\N{CJK UNIFIED IDEOGRAPH-4E00}'", r"'\N{CJK UNIFIED IDEOGRAPH-20000}'", r"'\N{HANGUL SYLLABLE GAG}'",
    r"'\N{hangul syllable GAG}'", r"'\N{BEL}'", r"'\N{NUL}'", r"'\N{LINE FEED}'", r"'\N{KHITAN SMALL SCRIPT CHARACTER-18B00}'",
    r"'\N{CJK COMPATIBILITY IDEOGRAPH-F900}'", r"'\N{NUSHU CHARACTER-1B170}'", r"'\q\8\9'", r"'\
x'", r"'\ud800'", r"'\udfff\ud83d\ude00'", r"'é\x41'", r"'\é'", r"r'\n\x'", r"R'\''", r"b'abc'", r"b'\x00\xff\777\400'",
    r"b'\q\u1234'", r"rb'\x'", r"BR'\n'", r"f'{x}\n'", r"rf'{x}\n'", r"u'\u00e9'", r"U'abc'", "'\u00e9\u20ac'",
    r"'\x4'", r"'\xZZ'", r"'ab\x'", r"'é\x4'", "'\\\u00e9\\x4'", r"'\u12'", r"'\U0011ffff'", r"'\U1234'",
    r"'\N{foo}'", r"'\N{}'", r"'\N'", r"'\Nab'", r"'\N{abc'", r"'a\N{LATIN SMALL LETTER A WITH MACRON AND GRAVE}'",
    r"'\N{cjk unified ideograph-4e00}'", r"'\N{CJK UNIFIED IDEOGRAPH-4e00}'", r"'\N{CJK UNIFIED IDEOGRAPH-04E00}'",
    r"'\N{HANGUL SYLLABLE GAGG}'", r"'\N{LATIN  SMALL LETTER A}'", r"'\N{ LATIN SMALL LETTER A}'",
    r"b'\x4'", r"b'ab\xg0'", "b'\u00e9'", "rb'\u00e9'", r"'\N{EMPTY SET}\N{NO-BREAK SPACE}'",
]


def py_string(tok):
    """('ok', value) or ('err', message) for one string token."""
    try:
        v = ast.literal_eval(tok) if not tok.lstrip("rRuU").lower().startswith("f") else None
    except SyntaxError as e:
        return ("err", e.msg)
    return ("ok", v)


def name_cases():
    names = []
    rnd = random.Random(7)
    named = [cp for cp in range(0x110000) if unicodedata.name(chr(cp), None)]
    for cp in named[::37]:
        n = unicodedata.name(chr(cp))
        names.append(n)
        if rnd.random() < 0.3:
            names.append(n.lower())
    names += ["NOT A NAME", "LATIN SMALL LETTER", "", "A", "HANGUL SYLLABLE", "HANGUL SYLLABLE KAKX",
              "CJK UNIFIED IDEOGRAPH-", "CJK UNIFIED IDEOGRAPH-FFFFF", "CJK UNIFIED IDEOGRAPH-3400",
              "TANGUT IDEOGRAPH-17000", "BYTE ORDER MARK", "ZWNBSP", "LATIN SMALL LETTER A WITH MACRON AND GRAVE"]
    out = []
    for n in names:
        try:
            v = eval('"\\N{%s}"' % n)
            cp = ord(v)
        except SyntaxError:
            cp = -1
        out.append((n, cp))
    return out


def nfkc_cases():
    """Characters with a decomposition or a combining class (a sample), and
    random base + combining-mark sequences that exercise reordering and
    composition, with unicodedata.normalize('NFKC') of each."""
    rnd = random.Random(11)
    cases = []
    special = [cp for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and
               (unicodedata.decomposition(chr(cp)) or unicodedata.combining(chr(cp)))]
    cases += [chr(cp) for cp in special[::4]]
    cases += [chr(cp) for cp in range(0xAC00, 0xD7A4, 97)]
    marks = [chr(x) for x in range(0x300, 0x370)] + ["\u0591", "\u05b0", "\u0e48", "\u3099", "\u309a",
                                                    "\u0f71", "\u0f72", "\u0f80", "\u093c", "\u0cd5"]
    bases = list("aeiouAEIOUnNcCsSzZ") + ["\u1100", "\u1161", "\u11a8", "\uac00", "\u304b", "\u30ab",
                                          "\u0915", "\u0cbf", "\u0f40", "\u1e00", "\u212b", "\ufb01", "\u3300"]
    for _ in range(3000):
        cases.append("".join(rnd.choice(bases + marks) for _ in range(rnd.randint(1, 6))))
    cases += ["\uff57\uff49\uff44\uff54\uff48", "\u00b5", "\ufb01x", "x\u0301\u0323"]
    return [(c, unicodedata.normalize("NFKC", c)) for c in cases]


def main():
    L = []
    w = L.append
    w("/* GENERATED by tests/tokenizer/gen_test_data.py with python3 %s (Unicode %s).\n"
      " * Do not edit; regenerate. */\n" % (sys.version.split()[0], unicodedata.unidata_version))
    w("#include <stddef.h>\n")

    w("typedef struct { const char *src; size_t len; const char *type, *msg; int lineno, offset, end_offset; } td_error;")
    w("static const td_error td_errors[] = {")
    for src in ERROR_CASES:
        t, msg, line, off, end = py_error(src)
        w("    {%s, %d, %s, %s, %d, %d, %d}," % (c_str(src), len(src), c_str(t), c_str(msg), line, off, end))
    w("};\n")

    w("typedef struct { const char *src; size_t len; const char *msg; } td_file_error;")
    w("static const td_file_error td_file_errors[] = {")
    for src in FILE_ERROR_CASES:
        w("    {%s, %d, %s}," % (c_str(src), len(src), c_str(py_file_error(src))))
    w("};\n")

    w("typedef struct { const char *src; const char *dump; } td_tokens;")
    w("static const td_tokens td_token_cases[] = {")
    for src in TOKEN_CASES:
        w("    {%s, %s}," % (c_str(src), c_str(py_tokens(src))))
    w("};\n")

    w("typedef struct { const char *s; size_t len; const char *repr; } td_repr_str;")
    w("static const td_repr_str td_str_reprs[] = {")
    for s in str_cases():
        b = s.encode("utf-8", "surrogatepass")
        w("    {%s, %d, %s}," % (c_str(b), len(b), c_str(repr(s))))
    w("};\n")

    w("typedef struct { const char *s; size_t len; const char *repr; } td_repr_bytes;")
    w("static const td_repr_bytes td_bytes_reprs[] = {")
    bs = [bytes(range(256)), b"", b"'", b'"', b"'\"", b"it's", b"\\x", b"a\x00b"] + [bytes([i]) for i in range(256)]
    for b in bs:
        w("    {%s, %d, %s}," % (c_str(b), len(b), c_str(repr(b))))
    w("};\n")

    w("typedef struct { unsigned long long bits; const char *repr; } td_repr_float;")
    w("static const td_repr_float td_float_reprs[] = {")
    for v in float_cases():
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
        w("    {0x%016xULL, %s}," % (bits, c_str(repr(v))))
    w("};\n")

    w("typedef struct { unsigned long long re, im; const char *repr; } td_repr_complex;")
    w("static const td_repr_complex td_complex_reprs[] = {")
    for a, b in complex_cases():
        ba = struct.unpack("<Q", struct.pack("<d", a))[0]
        bb = struct.unpack("<Q", struct.pack("<d", b))[0]
        w("    {0x%016xULL, 0x%016xULL, %s}," % (ba, bb, c_str(repr(complex(a, b)))))
    w("};\n")

    w("/* kind: 'i' int (value = decimal digits), 'f' float, 'j' imaginary (value = repr of the double), 'e' error (value = message) */")
    w("typedef struct { const char *text; char kind; const char *value; } td_number;")
    w("static const td_number td_numbers[] = {")
    for text in NUMBER_CASES:
        try:
            node = ast.parse(text, mode="eval").body
            v = node.value
            if isinstance(v, int):
                w("    {%s, 'i', %s}," % (c_str(text), c_str(str(v))))
            elif isinstance(v, float):
                w("    {%s, 'f', %s}," % (c_str(text), c_str(repr(v))))
            else:
                w("    {%s, 'j', %s}," % (c_str(text), c_str(repr(v.imag))))
        except SyntaxError as e:
            w("    {%s, 'e', %s}," % (c_str(text), c_str(e.msg)))
    w("};\n")

    w("/* ok: 1 and value = repr of the str/bytes, or 0 and value = error message; f-strings: value = raw body */")
    w("typedef struct { const char *tok; int ok; const char *value; } td_string;")
    w("static const td_string td_strings[] = {")
    for tok in STRING_CASES:
        st, v = py_string(tok)
        if st == "err":
            w("    {%s, 0, %s}," % (c_str(tok), c_str(v)))
        elif v is None:  # f-string: the body between the quotes
            pre = len(tok) - len(tok.lstrip("rRfFbBuU"))
            body = tok[pre + 1:-1]
            w("    {%s, 1, %s}," % (c_str(tok), c_str(body)))
        else:
            w("    {%s, 1, %s}," % (c_str(tok), c_str(repr(v))))
    w("};\n")

    w("typedef struct { const char *name; int cp; } td_name;")
    w("static const td_name td_names[] = {")
    for n, cp in name_cases():
        w("    {%s, %d}," % (c_str(n), cp))
    w("};\n")

    w("typedef struct { const char *in, *nfkc; } td_nfkc;")
    w("static const td_nfkc td_nfkcs[] = {")
    for a, b in nfkc_cases():
        w("    {%s, %s}," % (c_str(a), c_str(b)))
    w("};\n")

    w("/* huge non-decimal literals and their exact decimal value */")
    w("typedef struct { const char *digits; int base; const char *decimal; } td_bigint;")
    w("static const td_bigint td_bigints[] = {")
    rnd = random.Random(99)
    fmt = {2: "b", 8: "o", 16: "x"}
    sys.set_int_max_str_digits(0)  # only for these exact conversions
    for base in (2, 8, 16, 10):
        for nbits in (1, 29, 30, 31, 59, 60, 61, 64, 65, 100, 1000, 5000, 20000):
            v = rnd.getrandbits(nbits) | (1 << (nbits - 1))
            digits = format(v, fmt[base]) if base != 10 else str(v)
            w("    {%s, %d, %s}," % (c_str(digits), base, c_str(str(v))))
    w("};\n")

    with open(OUT, "w") as f:
        f.write("\n".join(L) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
