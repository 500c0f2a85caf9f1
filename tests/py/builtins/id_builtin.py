a = [1]
b = [1]
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__, id(None) == id(None))
objs = [object() for _ in range(100)]
print(len(set(id(o) for o in objs)))
