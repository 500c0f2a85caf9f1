a = [1]
b = [1]
print(a == b, a is b, a is not b, a != b)
print(None is None, 1 == 1.0, 1 is not None)
x = "abc"
y = x
print(x is y)
print([] == [], () == (), {} == {}, set() == frozenset())
