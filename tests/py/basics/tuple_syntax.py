t = 1,
print(t, type(t).__name__, len(t))
t = ()
print(t)
t = 1, 2, 3
a, b, c = t
print(a + b + c)
print((1,) * 3, (1, 2) + (3,))
x = (1)
print(type(x).__name__)
