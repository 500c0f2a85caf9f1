a, b = {1, 2}, {1, 2, 3}
print(a < b, a <= b, b > a, a == {2, 1}, a != b, frozenset(a) == a, a < a)
print({1, 2} < {3}, {1} | frozenset({2}), type(frozenset({2}) | {1}).__name__)
