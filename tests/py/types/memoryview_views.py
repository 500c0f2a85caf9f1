# memoryview over bytes/bytearray: indexing, slicing, assignment, release.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)
b = b'abcdef'; ba = bytearray(b'xyz')
m = memoryview(b); mb = memoryview(ba)
t(lambda: memoryview(1))
t(lambda: memoryview())
t(lambda: memoryview(b, 1))
t(lambda: memoryview(obj=b))
t(lambda: (len(m), m[0], m[-1], m[1:4].tobytes(), m[::2].tolist(), m[::-1].tobytes()))
t(lambda: m[6])
t(lambda: m['a'])
t(lambda: m[1.0])
def s1(): m[0] = 1
t(s1)
def s2(): mb[0] = 256
t(s2)
def s3(): mb[0] = 'a'
t(s3)
def s4(): mb[0:2] = b'abc'
t(s4)
def s5(): mb[0:2] = b'AB'; return ba
t(s5)
def s6(): del mb[0]
t(s6)
t(lambda: (m == b, m == bytearray(b), m == m[:], m == 1, m != b, m[:2] == b'ab'))
t(lambda: hash(m) == hash(b))
t(lambda: hash(mb))
t(lambda: (m.readonly, mb.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.nbytes, m[::2].strides, m.obj is b, m.released, m.contiguous, m[::2].contiguous, m.c_contiguous, m.f_contiguous))
t(lambda: m.hex())
t(lambda: m[:0].tolist())
t(lambda: list(m[:3]))
t(lambda: 99 in m)
t(lambda: repr(m)[:10])
m2 = memoryview(b'abc')
with m2 as q:
    t(lambda: q is m2)
t(lambda: m2.released)
t(lambda: repr(m2)[:19])
t(lambda: m2[0])
t(lambda: len(m2))
t(lambda: m2.tobytes())
t(lambda: m2 == m2)
t(lambda: m2 == b'abc')
t(lambda: m2.obj)
t(lambda: m2.release())
t(lambda: memoryview(mb).tobytes())
t(lambda: mb.toreadonly().readonly)
t(lambda: bytes(m[1:3]))
t(lambda: m[1:3].obj is b)
t(lambda: hash(m[::2]) == hash(b'ace'))
t(lambda: memoryview(b'abc').tolist())
t(lambda: m[::2][1:].tobytes())
t(lambda: m < m)
