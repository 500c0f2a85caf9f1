import array
a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5])
print(a, a[1], a.tolist(), len(a), a.itemsize, a.typecode, sum(a))
b = array.array("d", [1.5])
print(b, array.array("b", b"\x01\x02"), a.tobytes()[:8])
try:
    array.array("b", [200])
except OverflowError as e:
    print(e)
