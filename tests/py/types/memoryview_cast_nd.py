# memoryview.cast with a shape: multi-dimensional views (attributes,
# tolist, tuple indexing, the not-implemented sub-views, slicing along the
# first dimension, tobytes orders) and 0-dim views.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

def attrs(v):
    return (v.format, v.itemsize, v.ndim, v.shape, v.strides, v.suboffsets, v.nbytes,
            v.c_contiguous, v.f_contiguous, v.contiguous, v.readonly)

ba = bytearray(range(24))
m = memoryview(ba)
m3 = m.cast('B', (2, 3, 4))
t(lambda: attrs(m3))
t(lambda: m3.tolist())
t(lambda: len(m3))
t(lambda: (m3[0, 0, 0], m3[1, 2, 3], m3[-1, -1, -1], m3[1, -3, 2]))
t(lambda: m3[0])
t(lambda: m3[0, 1])
t(lambda: m3[0, 1, 2, 3])
t(lambda: m3[0, 3, 0])
t(lambda: m3[2, 0, 0])
t(lambda: m3[0, 0, -5])
t(lambda: m3[0, 'a', 0])
t(lambda: m3[0, 1.5, 0])
t(lambda: m3[()])
t(lambda: m3[0:1, 0:1])
t(lambda: m3[0, 0:1])
t(lambda: m3[...])
t(lambda: m3['x'])
t(lambda: list(m3))
t(lambda: iter(m3))
t(lambda: 5 in m3)
# slicing along the first dimension
t(lambda: attrs(m3[1:]))
t(lambda: m3[1:].tolist())
t(lambda: attrs(m3[::-1]))
t(lambda: m3[::-1].tolist())
t(lambda: m3[::-1][0, 0, 0])
t(lambda: attrs(m3[5:]))
t(lambda: m3[5:].tolist())
t(lambda: m3[::-1].cast('B'))
# orders
t(lambda: m3.tobytes())
t(lambda: m3.tobytes('C') == m3.tobytes(None) == m3.tobytes(order='A'))
t(lambda: m3.tobytes('F'))
t(lambda: m3[::-1].tobytes('A'))
t(lambda: m3.tobytes('X'))
t(lambda: m3.tobytes('CC'))
t(lambda: m3.tobytes(1))
t(lambda: m3.tobytes('C', 'F'))
t(lambda: m3.tobytes(ord='C'))
t(lambda: m3.hex())
t(lambda: bytes(m3[::-1]))
# other formats
mi = m.cast('i', [2, 3])
t(lambda: attrs(mi))
t(lambda: mi.tolist())
t(lambda: mi[1, 2])
t(lambda: mi.tobytes('F') == bytes(m[0:4] ) + bytes(m[12:16]) + bytes(m[4:8]) + bytes(m[16:20]) + bytes(m[8:12]) + bytes(m[20:24]))
t(lambda: m.cast('h', [3, 4]).tolist())
t(lambda: m.cast('c', [4, 6])[3, 5])
t(lambda: m.cast('?', [24])[0:3].tolist())
t(lambda: attrs(m.cast('B', [1, 24, 1])))
t(lambda: attrs(m.cast('B', [24, 1])))
t(lambda: attrs(m.cast('B', [1, 24])))
# writes
mi[1, 2] = -1
mi[0, -1] = 2**31 - 1
t(lambda: (mi.tolist(), bytes(ba[20:24])))
def s1(): mi[0] = 1
t(s1)
def s2(): mi[0, 0, 0] = 1
t(s2)
def s3(): mi[0:1] = mi[1:2]
t(s3)
def s4(): mi[0:1, 0:1] = b'x'
t(s4)
def s5(): mi[0, 5] = 1
t(s5)
def s6(): mi[0, 0] = 2**31
t(s6)
def s7(): mi['a'] = 1
t(s7)
def s8(): mi[()] = 1
t(s8)
# shape errors
t(lambda: m.cast('B', (2, 3, 5)))
t(lambda: m.cast('i', [2, 4]))
t(lambda: m.cast('i', [2, 'a']))
t(lambda: m.cast('i', [2, 3.0]))
t(lambda: m.cast('i', [2, -3]))
t(lambda: m.cast('i', [0, 6]))
t(lambda: m.cast('i', 6))
t(lambda: m.cast('i', None))
t(lambda: m.cast('i', {6: 1}))
t(lambda: m.cast('B', [1] * 65))
t(lambda: m.cast('B', [2**70]))
t(lambda: m.cast('B', [2**62, 4]))
t(lambda: m.cast('B', [True, 24]).shape)
t(lambda: m3.cast('B', [4, 6]))
t(lambda: m3.cast('B', [24]).shape)
t(lambda: m3.cast('i').shape)
t(lambda: m3.cast('c').format)
t(lambda: mi.cast('B').shape)
t(lambda: mi.cast('h'))
t(lambda: mi.cast('B', [6, 4]))
t(lambda: m[:0].cast('B', [0]))
t(lambda: memoryview(b'').cast('B', []))
# the limit: 64 dimensions
big = memoryview(bytearray(b'xy')).cast('B', [1] * 63 + [2])
t(lambda: (big.ndim, big.shape[-2:], big.strides[:2], big.c_contiguous, len(big)))
t(lambda: big[(0,) * 63 + (1,)])
t(lambda: big.cast('c').tolist())
t(lambda: str(big.tolist()).count('['))
# 0-dim views
z = memoryview(bytearray(b'a')).cast('B', [])
t(lambda: attrs(z))
t(lambda: (z.tolist(), z[()], z[...] is z, len(z), z.tobytes(), z.hex()))
t(lambda: z[0])
t(lambda: z[0:1])
t(lambda: list(z))
def z1(): z[()] = 66
t(z1)
t(lambda: z.tolist())
def z2(): z[...] = 67
t(z2)
t(lambda: z.tolist())
def z3(): z[0] = 1
t(z3)
t(lambda: z.cast('B').shape)
t(lambda: z.cast('c', [1]).tolist())
t(lambda: (z == z, z == memoryview(b'C').cast('B', []), z == b'C'))
t(lambda: memoryview(b'ab').cast('B', []))
t(lambda: memoryview(b'abcd').cast('i', []).tolist())
t(lambda: memoryview(z).shape)
