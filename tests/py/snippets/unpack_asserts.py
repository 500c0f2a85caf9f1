a, (b, c), *d = 1, (2, 3), 4, 5
assert (a, b, c, d) == (1, 2, 3, [4, 5])
[x, y] = "xy"
assert x == "x"
first, *_, last = range(10)
assert (first, last) == (0, 9)
d = {"k": "v"}
(k, v), = d.items()
assert k == "k" and v == "v"
print("unpack ok")
