s = {1, 2, 3}
assert s - {1} == {2, 3}
assert s & {2, 9} == {2}
assert s | {4} == {1, 2, 3, 4}
assert s ^ {3, 4} == {1, 2, 4}
assert {1, 2} < s and s > {1}
assert frozenset(s) == s
assert set() == frozenset()
assert {x % 2 for x in range(10)} == {0, 1}
s.discard(99)
assert len(s) == 3
assert s.isdisjoint({7, 8})
print("sets ok")
