# engineer "methods": bytes methods — compared with CPython 3.11
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
samples = [b'', b'hello World', b'HELLO', b'hello', b'Hello World', b'hello world', b'123', b'12a', b' \t\n', b'\x80abc', b'Title Case Here', b'mIxEd 3rd-party', b"they're bill's", b'  ', b'ABC DEF', b'a1B2']
for T in (bytes, bytearray):
    for s in samples:
        s = T(s)
        for m in ['lower', 'upper', 'swapcase', 'capitalize', 'title', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper']:
            t(getattr(s, m))
    s = T(b'abc')
    for w in [-1, 0, 2, 3, 4, 5, 6, 7, 10]:
        t(s.center, w); t(s.ljust, w); t(s.rjust, w); t(s.center, w, b'*'); t(s.ljust, w, bytearray(b'-')); t(s.rjust, w, b'xx')
    t(s.center, 5, '*'); t(s.center, 'a'); t(s.center); t(s.center, 5.0)
    for z in [b'', b'42', b'-42', b'+42', b'--', b'abc', b'-']:
        for w in [0, 1, 3, 5]:
            t(T(z).zfill, w)
    for e in [b'a\tb', b'\t', b'abc\tdef\tg', b'12345678\tx', b'ab\ncd\tef\r\tx', b'']:
        t(T(e).expandtabs); t(T(e).expandtabs, 4); t(T(e).expandtabs, 0); t(T(e).expandtabs, tabsize=3); t(T(e).expandtabs, -1)
    t(T(b'a').expandtabs, 1.5); t(T(b'a').expandtabs, x=2)
    for sl in [b'', b'a', b'a\nb', b'a\r\nb\rc\n', b'\n\n', b'a\x0bb\x0cc\x1cd', b'x\r', b'\r\n\r\n']:
        t(T(sl).splitlines); t(T(sl).splitlines, True); t(T(sl).splitlines, keepends=True)
    for sep in [b'/', b'//', b'x', b'a/b', bytearray(b'/')]:
        for s in [b'a/b/c', b'a//b', b'', b'/', b'abc']:
            t(T(s).partition, sep); t(T(s).rpartition, sep)
    t(T(b'a').partition, b''); t(T(b'a').partition, '/'); t(T(b'a').partition, 5)
    for x in [b'', b'a', b'ab', b'abc', b'abcd', b'c', b'bc']:
        t(T(b'abc').removeprefix, x); t(T(b'abc').removesuffix, x)
    t(T(b'abc').removeprefix, 'a')
    tab = T.maketrans(b'abc', b'xyz'); print(type(tab), len(tab), tab[97:100])
    t(T.maketrans, b'ab', b'c'); t(T.maketrans, 'ab', 'cd')
    t(T(b'abcabc').translate, tab); t(T(b'abcabc').translate, None, b'b'); t(T(b'abcabc').translate, tab, delete=b'a')
    t(T(b'abc').translate, b'x'); t(T(b'abc').translate, None); t(T(b'abc').translate)
    t(lambda: T(b'%d %s %r %x %5.2f %-4d| %c%c %%') % (5, b'hi', b'q', 255, 3.14159, 7, 65, b'z'))
    t(lambda: T(b'%s') % 'str')
    t(lambda: T(b'%b %a') % (bytearray(b'ba'), 'é'))
    t(lambda: T(b'%(a)s %(b)d') % {b'a': b'x', b'b': 3})
    t(lambda: T(b'%d %d') % 1)
    t(lambda: T(b'%d') % (1, 2))
    t(lambda: T(b'%z') % 1)
    t(lambda: T(b'%5s|%-5s|%.1s') % (b'ab', b'cd', b'ef'))
    t(lambda: T(b'%*d|%-*d|%.*f') % (5, 1, 4, 2, 2, 1.23456))
    t(lambda: T(b'%c') % 256)
    t(lambda: T(b'%d') % b'x')
    t(lambda: T(b'%x') % 1.5)
    t(lambda: T(b'%f') % 'x')
    t(lambda: T(b'%s') % 5)
    t(lambda: T(b'no args') % ())
    t(lambda: T(b'no args') % 5)
    t(lambda: T(b'%') % 5)
    t(lambda: T(b'%#x %+d % d %05d %e %g %G %o') % (255, 3, 3, -42, 12345.678, 1e-10, 1e20, 8))
    t(lambda: 5 % T(b'x'))
print(b'ab'.__bytes__(), b'ab'.__getnewargs__())
