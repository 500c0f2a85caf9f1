a = {i: i * i for i in range(5)}
b = dict(reversed(list(a.items())))
print(a == b, list(a) == list(b), a)
print({1: 1} == {1: 1.0}, {1: 2} != {1: 3})
