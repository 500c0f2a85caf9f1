# memoryview over array.array: the typecode is the format, items are read
# and written through the view, casts to and from bytes formats, and
# comparisons with arrays and other views.
from array import array

def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for code in 'bBhHiIlLqQfd':
    a = array(code, [1, 2, 3])
    m = memoryview(a)
    print(code, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly,
          m.obj is a, m.tolist(), m[-1], m[::-1].tolist(), m == a, m.c_contiguous,
          len(m.tobytes()) == len(a) * a.itemsize, m.tobytes() == a.tobytes(), bytes(m) == a.tobytes())

a = array('i', [1, 2, 3, 4])
m = memoryview(a)
m[0] = 100
m[-1] = -7
t(lambda: a)
m[1:3] = array('i', [20, 30])
t(lambda: a)
m[::2] = memoryview(array('i', [5, 6]))
t(lambda: a)
def s1(): m[1:3] = array('I', [1, 2])
t(s1)
def s2(): m[1:3] = array('i', [1, 2, 3])
t(s2)
def s3(): m[1:3] = b'12345678'
t(s3)
def s4():
    m[1:3] = memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i')
    return a
t(s4)
def s5(): m[0] = 'x'
t(s5)
def s6(): m[0] = 2**31
t(s6)
def s7(): m[4] = 1
t(s7)
t(lambda: (m[1:3].obj is a, memoryview(m).obj is a, m.toreadonly().obj is a, m.toreadonly().readonly))
def s8(): m.toreadonly()[0] = 1
t(s8)

# arrays are writable and not hashable
t(lambda: hash(memoryview(array('b', [1]))))
try:
    hash(memoryview(array('b', [1])).toreadonly())
except TypeError as e:
    print('TypeError', str(e).startswith('unhashable type'))
t(lambda: hash(memoryview(array('i', [1])).toreadonly()))

# casts
d = array('d', [1.5, -2.0])
md = memoryview(d)
t(lambda: md.cast('i'))
t(lambda: md.cast('B').cast('d').tolist())
t(lambda: md.cast('B').cast('q').tolist())
t(lambda: md.cast('c').tolist()[:8])
t(lambda: md.cast('B', [2, 8]).tolist()[1][-2:])
t(lambda: md.cast('B').cast('d', [2, 1]).tolist())
t(lambda: md.cast('B').cast('f').tolist())
t(lambda: memoryview(array('h', [1, -1])).cast('b').tolist())
t(lambda: memoryview(array('b', [1, -1])).cast('B').tolist())
t(lambda: memoryview(array('b', [1, -1])).cast('h').tolist())
t(lambda: memoryview(array('B', [1, 2, 3])).cast('h'))
w = memoryview(array('i', [0, 0])).cast('B')
w[0] = 255
w[5] = 1
t(lambda: (w.obj, w.cast('i').tolist()))

# comparisons with arrays and other views: values through the formats
t(lambda: memoryview(array('i', [1, 2])) == array('I', [1, 2]))
t(lambda: memoryview(array('i', [1, 2])) == array('d', [1.0, 2.0]))
t(lambda: memoryview(array('i', [1, 2])) == array('i', [1, 2, 3]))
t(lambda: memoryview(array('f', [0.5])) == memoryview(array('d', [0.5])))
t(lambda: memoryview(array('b', [-1])) == memoryview(b'\xff'))
t(lambda: memoryview(array('b', [-1])) == memoryview(b'\xff').cast('b'))
t(lambda: memoryview(array('B', b'ab')) == b'ab')
t(lambda: memoryview(b'ab') == array('b', b'ab'))
t(lambda: array('B', b'ab') == memoryview(b'ab'))
t(lambda: memoryview(array('d', [float('nan')])) == memoryview(array('d', [float('nan')])))
t(lambda: memoryview(array('q', [-1])) == memoryview(array('Q', [2**64 - 1])))

# 'u' arrays have format 'w', which memoryview cannot unpack
u = memoryview(array('u', 'ab'))
t(lambda: (u.format, u.itemsize, u.nbytes, u.shape))
t(lambda: u[0])
t(lambda: u.tolist())
t(lambda: list(u))
t(lambda: u[:0].tolist())
def su(): u[0] = 'x'
t(su)
t(lambda: (u == u, u == memoryview(array('u', 'ab'))))
t(lambda: u.cast('i'))
t(lambda: u.cast('B').tolist()[:4])
t(lambda: u.cast('c').cast('i').format)
t(lambda: bytes(u)[:4])

# bytes/bytearray of arrays and of their views take the raw memory
t(lambda: (bytes(array('h', [1, 2])), bytearray(memoryview(array('h', [3])))))
