def g():
    yield from range(3)
print(tuple(g()), list(g()), tuple(x for x in "ab"), list(map(str, (1, 2))), tuple({1: 0, 2: 0}), list(reversed(tuple("xyz"))))
print(tuple(tuple([1])), list(list("ab")), tuple(iter([4])), list(zip(*[iter("abcd")] * 2)))
