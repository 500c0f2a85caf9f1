# memoryview items of every native format: get/set with struct packing of
# native size and order, type and range errors with CPython's messages,
# tolist, iteration, slicing, slice assignment, comparison, hash and hex.
import sys

def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Idx:
    def __index__(self):
        return 7

class Flt:
    def __float__(self):
        return 2.5

class BadIdx:
    def __index__(self):
        raise ValueError("bad")

class Boom:
    def __index__(self):
        raise KeyError("boom")
    def __bool__(self):
        raise RuntimeError("no truth")

values = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 65535, 65536,
          2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63,
          -2**63 - 1, 2**64 - 1, 2**64, True, False, 1.5, -0.0, 1e300, float('inf'),
          'a', b'a', b'ab', b'', bytearray(b'a'), None, [1], Idx(), Flt(), BadIdx()]
buf = bytearray(16)
for f in 'BbchHiIlLqQnNfd?P':
    m = memoryview(buf).cast(f)
    out = []
    for v in values:
        try:
            m[0] = v
            out.append(repr(m[0]))
        except (TypeError, ValueError) as e:
            out.append(type(e).__name__[0] + ':' + str(e).split("'")[0][12:17])
    print(f, m.itemsize, ' '.join(out))
    for v in (Boom(),):
        try:
            m[0] = v
            print(f, 'boom stored', m[0])
        except Exception as e:
            print(f, type(e).__name__, e)
    print(f, sys.getsizeof(0) > 0 and m.tobytes().hex())

# the exact messages
m = memoryview(bytearray(8))
for f, v in (('b', 128), ('b', 'x'), ('B', -1), ('B', 1.0), ('c', 1), ('c', b'xy'),
             ('h', 2**15), ('H', None), ('i', 2**40), ('I', -1), ('I', []), ('l', 2**63),
             ('L', -1), ('q', 2**64), ('Q', 2**64), ('n', 'n'), ('N', -1), ('f', 'x'),
             ('d', None), ('f', 10**400), ('P', 1.0), ('P', 2**64), ('@i', 'x'), ('@I', -5)):
    def s():
        m.cast(f)[0] = v
    t(s)

# reading: struct unpacking of native size and byte order
raw = bytes(range(1, 17))
for f in 'BbchHiIlLqQnNfd?P':
    v = memoryview(raw).cast(f)
    print(f, len(v), v.tolist() if f not in 'fd' else [x == x for x in v.tolist()], v[-1] == v.tolist()[-1] or f in 'fd')
t(lambda: memoryview(b'\x00\x00\xc0\x7f\x00\x00\x80\x7f').cast('f').tolist())
t(lambda: memoryview(b'\x00\x00\x00\x00\x00\x00\xf0\xbf').cast('d').tolist())
t(lambda: memoryview(b'\xff\xfe\x00\x80').cast('h').tolist())
t(lambda: memoryview(b'\xff\xfe\x00\x80').cast('H').tolist())
t(lambda: memoryview(b'\xff' * 8).cast('q').tolist() + memoryview(b'\xff' * 8).cast('Q').tolist())
t(lambda: memoryview(b'\x00\x01\x02\xff').cast('?').tolist())
t(lambda: memoryview(b'a\x00\xff').cast('c').tolist())
t(lambda: memoryview(b'\xff\x80\x7f').cast('b').tolist())

# iteration, len, in, slicing of typed views
h = memoryview(bytearray(range(12))).cast('h')
t(lambda: (len(h), list(h), 0x0302 in h, 5 in h, h[::2].tolist(), h[::-1].tolist(), h[4:1:-2].tolist()))
t(lambda: (h[1:3].strides, h[::-2].strides, h[1:3].nbytes, h[::3].c_contiguous, h[::3].contiguous))
t(lambda: [x for x in memoryview(b'xyz').cast('c')])
t(lambda: list(memoryview(b'\x00\x01').cast('?')))

# slice assignment: same format and shape required
def sa1():
    h[0:2] = memoryview(b'\xff\xff\x00\x00').cast('h')
    return h.tolist()
t(sa1)
def sa2():
    h[::-2] = memoryview(bytes(6)).cast('@h')
    return h.tolist()
t(sa2)
def sa3(): h[0:2] = b'abcd'
t(sa3)
def sa4(): h[0:2] = memoryview(b'abcd').cast('H')
t(sa4)
def sa5(): h[0:2] = memoryview(b'abcdef').cast('h')
t(sa5)
def sa6(): h[0:2] = memoryview(b'abcd').cast('h', [1, 2])
t(sa6)
def sa7(): h[0:2] = [1, 2]
t(sa7)
def sa8(): h[0:2] = 'ab'
t(sa8)
def sa9(): del h[0]
t(sa9)
def sa10(): h[9] = 1
t(sa10)
def sa11(): h['a'] = 1
t(sa11)
def sa12():
    x = memoryview(bytearray(b'abcdef'))
    x[1:5] = x[0:4]
    return x.tobytes()
t(sa12)
rel = memoryview(b'ab')
rel.release()
def sa13(): h[0:2] = rel
t(sa13)
t(lambda: memoryview(b'ab').cast('c').toreadonly().__setitem__(0, b'x'))

# comparison: values through the formats
b = b'abcdefgh'
mb = memoryview(b)
t(lambda: (mb.cast('c') == b, mb.cast('b') == b, mb.cast('B') == b, mb.cast('@B') == b))
t(lambda: (mb.cast('c') == mb.cast('c'), mb.cast('c') == mb.cast('@c'), mb.cast('i') == mb.cast('I')))
t(lambda: memoryview(b'\xff') == memoryview(b'\xff').cast('b'))
t(lambda: memoryview(b'\x01') == memoryview(b'\x01').cast('?'))
t(lambda: memoryview(b'\x01').cast('?') == memoryview(b'\x02').cast('?'))
t(lambda: mb.cast('i') == mb.cast('i', [1, 2]))
t(lambda: mb.cast('B', [2, 4]) == mb.cast('B', [2, 4]))
t(lambda: mb.cast('B', [2, 4]) == mb.cast('B', [4, 2]))
t(lambda: mb.cast('B', [2, 4]) == b)
t(lambda: (mb == [97], mb == 'abcdefgh', mb != 1, mb == None))
t(lambda: mb < mb)
t(lambda: mb >= b)
nan = memoryview(b'\x00\x00\xc0\x7f').cast('f')
t(lambda: (nan == nan, nan != nan, nan == memoryview(b'\x00\x00\xc0\x7f').cast('f')))
z = memoryview(bytes(8)).cast('d')
t(lambda: (z == memoryview(bytes(8)).cast('q'), z == memoryview(b'\x00' * 7 + b'\x80').cast('d'), z == memoryview(bytes(8)).cast('B')))
one_f = memoryview(b'\x00\x00\x80\x3f').cast('f')
t(lambda: (one_f == memoryview(b'\x01\x00\x00\x00').cast('i'), one_f == memoryview(b'\x01\x00\x00\x00').cast('f')))
r = memoryview(b'abcd')
r.release()
t(lambda: (r == r, r != r, r == b'abcd', b'abcd' == r, r == mb))
t(lambda: b'abcdefgh' == mb.cast('c'))
t(lambda: bytearray(b'abcdefgh') == mb.cast('b'))

# hash: read-only views of byte formats only
t(lambda: hash(mb.cast('c')) == hash(b))
t(lambda: hash(mb.cast('b')) == hash(b))
t(lambda: hash(mb.cast('@B')) == hash(b))
t(lambda: hash(mb[::-2]) == hash(b[::-2]))
t(lambda: hash(mb.cast('B', [2, 4])) == hash(b))
t(lambda: hash(mb.cast('i')))
t(lambda: hash(mb.cast('?')))
t(lambda: hash(memoryview(bytearray(b'ab')).cast('c')))
t(lambda: hash(memoryview(bytearray(b'ab')).toreadonly()))
r = memoryview(b'ab')
r.release()
t(lambda: hash(r))
r = memoryview(b'ab').cast('c')
hash(r)
r.release()
t(lambda: hash(r) == hash(b'ab'))
r = memoryview(b'abcd').cast('i')
r.release()
t(lambda: hash(r))

# hex goes through the bytes
t(lambda: (mb.cast('i').hex(), mb.cast('h').hex(':'), mb.cast('q').hex('-', 3), mb[::-1].hex(sep='.', bytes_per_sep=-2)))
t(lambda: mb.cast('B', [2, 4]).hex())
t(lambda: mb.hex('ab'))
t(lambda: mb.hex(':', 'x'))
t(lambda: mb.hex(':', 2, 3))
t(lambda: mb.hex(foo=1))
t(lambda: mb.tolist(1))
t(lambda: (bytes(mb.cast('i')), bytearray(mb.cast('h')[::-1]), b'-'.join([mb.cast('i'), mb.cast('c')[:2]])))
