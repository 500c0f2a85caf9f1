l = list(range(10))
l[1:8:3] = "abc"
print(l)
l[::-1] = range(10)
print(l)
try:
    l[::3] = [1]
except ValueError as e:
    print(e)
del l[-3::-3]
print(l)
l[5:2] = ["x"]
print(l)
l[-100:-50] = ["y"]
print(l)
b = bytearray(b"0123456789")
b[::2] = b"abcde"
del b[1::4]
print(b)
