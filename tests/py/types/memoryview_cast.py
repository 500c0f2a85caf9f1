# memoryview.cast: accepted formats, byte <-> other casts, and the errors
# (formats, non-byte pairs, lengths, contiguity, arguments) with CPython's
# messages.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = memoryview(b'abcdefgh')
for f in 'BbchHiIlLqQnNfd?Pe':
    for p in ('', '@', '=', '<', '>', '!'):
        def c():
            x = m.cast(p + f)
            return (x.format, x.itemsize, x.ndim, x.shape, x.strides, x.nbytes, x.readonly)
        print(repr(p + f), end=' ')
        t(c)
for bad in ('', 'ii', 'x', '2i', 'i ', 'Z', '\0i'):
    t(lambda: m.cast(bad))
t(lambda: (m.cast('B\0').format, m.cast('i\0xx').format, m.cast('i\0xx').tolist()))
t(lambda: m.cast('\xe9'))
t(lambda: m.cast(1))
t(lambda: m.cast(b'B'))
t(lambda: m.cast())
t(lambda: m.cast('i', [2], 1))
t(lambda: m.cast('i', shape=[2], foo=1))
t(lambda: m.cast(foo=1))
t(lambda: m.cast('i', format='i'))
t(lambda: m.cast(format='i', shape=(2,)).tolist())
t(lambda: m.cast(shape=[2], format='I').shape)
# byte -> other -> byte
t(lambda: m.cast('i').tolist())
t(lambda: m.cast('h').cast('B').tolist())
t(lambda: m.cast('i').cast('c').tolist())
t(lambda: m.cast('q').cast('b').tolist())
t(lambda: m.cast('@i').cast('@B').format)
t(lambda: m.cast('c').cast('i').format)
t(lambda: m.cast('b').cast('h').format)
t(lambda: m.cast('B').cast('B').cast('b').cast('c').format)
# two non-byte formats
t(lambda: m.cast('i').cast('h'))
t(lambda: m.cast('i').cast('i'))
t(lambda: m.cast('d').cast('q'))
t(lambda: m.cast('?').cast('i'))
t(lambda: m.cast('f').cast('@f'))
# lengths
t(lambda: m[:5].cast('i'))
t(lambda: m[:6].cast('q'))
t(lambda: m[:6].cast('h').tolist())
t(lambda: m[:0].cast('i').tolist())
t(lambda: m[:0].cast('i').shape)
# contiguity
t(lambda: m[::2].cast('B'))
t(lambda: m[::-1].cast('B'))
t(lambda: m[::2].cast('h'))
t(lambda: m[::3][:1].cast('B').tolist())
t(lambda: m[::-1][:1].cast('B').tolist())
t(lambda: m[::2][:0].cast('B').tolist())
t(lambda: m[:0].cast('B', [1]))
# views of cast views
c = m.cast('i')
t(lambda: (c[0], c[-1], c[1], len(c), c.nbytes, c.obj is m.obj))
t(lambda: c[2])
t(lambda: c[-3])
t(lambda: c[1.0])
t(lambda: c['a'])
t(lambda: c[2**70])
t(lambda: (c[::-1].tolist(), c[::-1].strides, c[1:].strides, c[::2].shape))
t(lambda: (memoryview(c).format, c.toreadonly().format, memoryview(c).tolist()))
t(lambda: memoryview(c[::-1]).strides)
# bytearray: writable casts write through
ba = bytearray(8)
w = memoryview(ba).cast('I')
w[0] = 0x01020304
w[1] = 4294967295
t(lambda: (ba, w.readonly, w.tolist()))
w2 = memoryview(ba).cast('c')
w2[7] = b'Z'
t(lambda: ba)
# released views
r = memoryview(bytearray(8))
r.release()
t(lambda: r.cast('i'))
t(lambda: r.cast(1))
t(lambda: r.format)
t(lambda: r.shape)
t(lambda: r.tolist())
