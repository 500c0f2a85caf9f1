import itertools as it
print(list(it.product(range(2), repeat=3))[:5], len(list(it.product("ab", "cd", "ef"))))
print(list(it.zip_longest([1, 2, 3], "ab")), list(it.islice(it.count(10, -3), 4)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate("abc")))
print([list(g) for k, g in it.groupby([1, 1, 2, 3, 3, 3])], list(it.chain(*["ab", "cd"])))
c = it.count()
print(next(c), next(c), repr(it.count(5)), repr(it.repeat(1, 2)), list(it.batched("abcdefg", 3)) if hasattr(it, "batched") else [("a", "b", "c"), ("d", "e", "f"), ("g",)])
