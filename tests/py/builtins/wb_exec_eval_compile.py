g = {}
exec('x = 1 + 2', g)
print(g['x'], '__builtins__' in g)
print(eval('x * 2', g))
print(eval('  1 + 1'))
l = {}
exec('y = 5\nz = y * 2', g, l)
print(sorted(l.items()))
print(eval('y + z', g, l))
code = compile('a = 10', '<test>', 'exec')
ns = {}
exec(code, ns)
print(ns['a'])
e = compile('2 ** 8', '<e>', 'eval')
print(eval(e))
print(type(code).__name__)
def f():
    a = 1
    b = 2
    return sorted(locals().items())
print(f())
x_glob = 3
print('x_glob' in globals(), globals()['x_glob'])
print(eval('x_glob + 1'))
def g2():
    q = 7
    return eval('q + 1')
print(g2())
for src in ['x = 1', '1;2', '', 'if 1: pass', '(1,\n 2)']:
    try:
        print(eval(src))
    except SyntaxError as ex:
        print('SyntaxError', ex.msg, ex.lineno, ex.offset)
try:
    exec('1', [])
except TypeError as ex:
    print(ex)
try:
    eval('1', [])
except TypeError as ex:
    print(ex)
try:
    eval('1', {}, 1)
except TypeError as ex:
    print(ex)
try:
    compile('1', 'f', 'bad')
except ValueError as ex:
    print(ex)
try:
    exec(123)
except TypeError as ex:
    print(ex)
try:
    eval('a\0')
except SyntaxError as ex:
    print(ex)
exec(b'print("from bytes")')
c = compile('1+1\n', 's', 'single')
exec(c)
print(eval(compile(b'3*3', 'f', 'eval')))
class M(dict):
    def __missing__(self, k): return k.upper()
print(eval('abc', {}, M()))
exec('def h(): return 42', g)
print(g['h']())
try:
    exec('raise ValueError("boom")')
except ValueError as ex:
    print('caught', ex)
print(dir()[:5] if False else 'ok')
def k():
    aa = 1; bb = 2
    return dir()
print(k())
print(sorted(vars().keys())[:3])
