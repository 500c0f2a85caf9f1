tests = [
 "round(1,2,3)", "round()", "round(x=1)", "round(1.5, ndigits=None, z=1)", "pow(1)", "pow(1,2,3,4)", "pow(base=2)", "pow(2, exp=3, foo=1)",
 "sorted()", "sorted([1],[2])", "sorted([1], k=1)", "sum()", "sum([1], 2, 3)", "sum([1], x=2)", "sum(['a'], '')", "sum([b'a'], b'')", "sum([], bytearray())",
 "print(sep=1)", "print(end=1)", "print(foo=1)", "print(file=1)", "max()", "max(1)", "max([])", "max([], key=None, x=1)", "max(1,2,default=3)", "min([],default=None)",
 "compile()", "compile('1','f')", "compile('1','f','x')", "compile(1,'f','exec')", "exec()", "exec(1)", "exec('1', [])", "exec('1', {}, 1)", "eval()", "eval(1)", "eval('1', [])", "eval('1', {}, 1)", "eval('x = 1')", "eval('a\\0')",
 "__import__()", "__import__(1)", "__build_class__()", "__build_class__(1, 'a')", "__build_class__(lambda: None, 1)",
 "getattr(1)", "getattr(1,2,3,4)", "getattr(1, 2)", "setattr(1,2)", "delattr(1)", "hasattr(1)", "hasattr(1,2)", "divmod(1)", "format()", "format(1, 2)", "format(1,'',3)",
 "isinstance(1)", "isinstance(1, 1)", "issubclass(1, int)", "issubclass(int, 1)", "iter()", "iter(1,2,3)", "iter(1, 2)", "iter(1)", "next()", "next(1)", "next([])", "vars(1)", "vars(1,2)", "dir(1,2)",
 "chr(-1)", "chr(1.5)", "chr(2**100)", "chr('a')", "ord(1)", "ord('ab')", "ord(b'ab')", "ord('')", "bin(1.5)", "hex('a')", "oct([])", "abs('a')", "len(1)", "len()", "len(1,2)", "hash([])", "callable()",
 "input(1,2)", "open()", "aiter(1)", "anext(1)", "anext()", "round('a')", "round(1.5, 'a')", "round(float('nan'))", "round(float('inf'))", "round(1, 1.5)", "sorted(1)", "sum(1)", "all(1)", "any(1)", "min(1, key=1)", "max(1, 2, key=len)", "print(flush=1, file=None)",
 "repr()", "ascii(1,2)", "id()", "globals(1)", "locals(1)", "exec('1', {}, {}, 3)", "eval('1', None, None, 1)", "compile('1', 'f', 'exec', flags=1<<30)", "dir(1, x=2)", "len(x=1)",
 "exec('1', globals=None)", "eval(source='1')", "max(key=len)", "min(1, 2, 3, default=0)", "divmod(1, 0)", "pow(2, -1, 5)", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(0, -1)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "->", repr(r))
    except BaseException as e:
        print(t, "!!", type(e).__name__, e)
