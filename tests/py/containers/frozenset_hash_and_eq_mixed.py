a = frozenset({1, 2, 3})
b = {3, 2, 1}
print(a == b, b == a, hash(a) == hash(frozenset(b)), {a: 1}.get(frozenset(b)), a | b, type(b | a).__name__, type(a & b).__name__)
print(frozenset("ab") < frozenset("abc"), frozenset([1]).union([2]), frozenset([1]).copy() is frozenset([1]) or True)
