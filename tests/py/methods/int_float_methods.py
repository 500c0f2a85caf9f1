# engineer "methods": int float methods — compared with CPython 3.11
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 5, 15, 25, 35, -15, -25, 1234567, 10**30 + 5*10**29, -(10**20)//2]:
    for nd in [None, 0, 1, -1, -2, -5, -31]:
        t(round, v, nd)
t(round, 5, 1.5)
t(round, True, -1)
print(type(True.__floor__()), True.__trunc__(), (7).__ceil__(), (-7).__floor__())
print((7).as_integer_ratio(), True.as_integer_ratio(), (-10**25).as_integer_ratio())
for v in [0, 1, 255, 256, -1, -128, -129, 127, 128, 2**64, -2**63, 10**30]:
    for ln in [0, 1, 2, 8, 16]:
        for bo in ['big', 'little']:
            for sg in [False, True]:
                t(lambda: v.to_bytes(ln, bo, signed=sg))
t(lambda: (5).to_bytes())
t(lambda: (500).to_bytes())
t(lambda: (5).to_bytes(2, 'middle'))
t(lambda: (5).to_bytes(-1))
t(lambda: (5).to_bytes(length=3, byteorder='little'))
t(lambda: (5).to_bytes(2, byteorder=3))
t(lambda: (5).to_bytes(2, foo=3))
for b in [b'', b'\x00', b'\xff', b'\x80\x00', b'\x00\x80', b'\x01\x02\x03', bytes(range(20)), bytearray(b'\xff\xfe')]:
    for bo in ['big', 'little']:
        for sg in [False, True]:
            t(int.from_bytes, b, bo, signed=sg)
t(int.from_bytes, [1, 2, 3])
t(int.from_bytes, b'\x01', 'x')
t(int.from_bytes, 5)
class I(int): pass
t(I.from_bytes, b'\x01\x00', 'little')
print(type(I.from_bytes(b'\x01')))
for x in [0.0, -0.0, 1.0, 0.5, 1.5, 2.5, -2.5, 3.14159, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), float('-inf'), float('nan'), 0.1, 123456.789, -1e-10]:
    t(x.hex)
    t(x.as_integer_ratio)
    t(round, x)
    for nd in [0, 1, 2, 3, -1, -2, -3, 400, -400, 15]:
        t(round, x, nd)
    t(x.__trunc__); t(x.__floor__); t(x.__ceil__)
    t(float.fromhex, x.hex())
for s in ['0x1.8p1', '1.8p1', '-0X1P-1074', '0x1p-1075', '0x1.000000000000088p0', '0x1p1024', '0x.8', '0x8.', '  0x1p3  ', 'inf', '-Infinity', 'nan', '0x', '', '0xg', '0x1p', '0x1p+', '1e3', 'ff', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023']:
    t(float.fromhex, s)
t(float.fromhex, 5)
t(round, 1.7e308, -308)
t(round, 2.5, 1.0)
t(round, 0.125, 2); t(round, 0.375, 2); t(round, 2.675, 2)
t(float.__getformat__, 'double'); t(float.__getformat__, 'x'); t(float.__getformat__, 1)
t((2.5).__getnewargs__)
class F(float): pass
t(F.fromhex, '0x1p2'); print(type(F.fromhex('0x1p2')))
