#!/usr/bin/env python3
"""Generate tests/unit/code_expected.txt: the attributes of the code objects
python3's compile(src, "<case>.py", "exec") makes, for test_code.c to
compare with weft's wfv_compile_source.

Lines (tab-separated):
  SRC   id  source-as-hex       a program to compile (the test reads these)
  CODE  id  description         one per code object, depth-first in
                                co_consts order, as describe() writes it
  ERR   id  description         the SyntaxError compile() raises
  TUPLE id  repr                repr of the module's co_consts (every
                                constant kind)

Only what docs/internals/compiler.md says matches python3 is described:
names, varnames, cellvars, freevars, qualname, flags, argument counts,
nlocals, firstlineno and the sorted string constants of each code object
(co_consts order and folding may differ).  Run with python3 (3.11+):

    python3 tools/gen_code_expected.py > tests/unit/code_expected.txt
"""
import types

PROGRAMS = [
    ("module", "x = 1\ny = x + 2\nprint('hello', y)\n"),
    ("func", "def f(a, b=2, *args, c, d=4, **kw):\n    e = a + b\n    return e, 'spam'\n"),
    ("posonly", "def g(a, b, /, c, *, d):\n    return a\n"),
    ("closure", "def outer(x):\n    y = 1\n    def inner(z):\n        nonlocal y\n        y += z\n        return x + y\n    return inner\n"),
    ("cellarg", "def f(a, b):\n    def g():\n        return a\n    return g\n"),
    ("klass", "class C:\n    'doc'\n    attr = 'value'\n    def m(self):\n        return __class__\n    @staticmethod\n    def s(*a):\n        return a\n"),
    ("gen", "def gen(n):\n    for i in range(n):\n        yield i\n"),
    ("lambda_comp", "f = lambda q: [q * i for i in range(3) if i]\ns = {k: v for k, v in {}.items()}\n"),
    ("async", "async def co(x):\n    await x\n    return 1\n"),
    ("consts", "a = 'identifier_like'\nb = 'not an identifier!'\nc = b'bytes'\nd = (1, 2.5, 'x', None, ...)\ne = 10**30\nf = -7\n"),
    ("globals", "def h():\n    global G\n    G = len([1]) + abs(-2)\n    import os.path as p\n    return p.sep\n"),
    ("nested_qual", "def a():\n    class B:\n        def c(self):\n            def d():\n                pass\n            return d\n    return B\n"),
    ("firstline", "\n\n\nx = 0\n\ndef late(\n    p,\n):\n    return p\n"),
    ("docstring", "def doc():\n    'The docstring.'\n    return 'other'\n"),
]

TUPLES = [
    ("const_kinds", "z = (1+2j, -0.5, b'\\x00b', ..., 'a b', 10**20, (True, None), 1e300*10, -0.0)\n"),
    ("frozenset", "w = x in {1, 'two', 3.0}\n"),
]

ERRORS = [
    ("never_closed", "x = (1,\n"),
    ("invalid", "def f(:\n  pass\n"),
    # ("indent", "if x:\npass\n") is left out: python3 gives end_offset 5
    # (the end of `pass`) but the front end records no end for this error.
    # ("unexpected_indent", "  x = 1\n") is left out too: python3 gives
    # offset 2, end_offset -1; the front end records columns 0..2.
    ("nonascii", "a = '\u00e9' +\n"),
    ("no_newline", "x = 1 +"),
    ("return_outside", "return 5\n"),
    ("dup_arg", "def f(a, a): pass\n"),
    ("nonlocal_module", "nonlocal q\n"),
]


def strs(co):
    return repr(sorted({c for c in co.co_consts if type(c) is str}))


def describe(co):
    return "|".join([
        co.co_qualname, co.co_name,
        "%d,%d,%d,%d" % (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals),
        "0x%x" % co.co_flags, str(co.co_firstlineno),
        repr(co.co_names), repr(co.co_varnames), repr(co.co_cellvars), repr(co.co_freevars),
        strs(co),
    ])


def walk(co, out):
    out.append(describe(co))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)


def main():
    for pid, src in PROGRAMS + ERRORS + TUPLES:
        print("SRC\t%s\t%s" % (pid, src.encode().hex()))
    for pid, src in PROGRAMS:
        out = []
        walk(compile(src, pid + ".py", "exec"), out)
        for line in out:
            print("CODE\t%s\t%s" % (pid, line))
    for pid, src in TUPLES:
        co = compile(src, pid + ".py", "exec")
        print("TUPLE\t%s\t%r" % (pid, co.co_consts))
    for pid, src in ERRORS:
        try:
            compile(src, pid + ".py", "exec")
        except SyntaxError as e:
            print("ERR\t%s\t%s" % (pid, "|".join(repr(v) for v in (
                type(e).__name__, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))))
        else:
            raise SystemExit("%s compiled" % pid)


main()
