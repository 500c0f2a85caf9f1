it = iter([1, 2, 3])
assert next(it) == 1
assert list(it) == [2, 3]
assert list(it) == []
assert next(it, "end") == "end"
assert list(zip(*[(1, "a"), (2, "b")])) == [(1, 2), ("a", "b")]
assert list(map(pow, [2, 3], [3, 2])) == [8, 9]
assert list(enumerate("ab", start=5)) == [(5, "a"), (6, "b")]
assert list(filter(lambda x: x > 1, [0, 1, 2, 3])) == [2, 3]
assert sorted(iter({3, 1, 2})) == [1, 2, 3]
r = reversed([1, 2, 3])
assert next(r) == 3 and list(r) == [2, 1]
import itertools
assert list(itertools.islice(itertools.count(), 3)) == [0, 1, 2]
print("iterators ok")
