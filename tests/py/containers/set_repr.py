print(set(), {1}, {1, 2, 3}, set([5, 5]), frozenset({1, 2}), frozenset(), {(1, 2)}, set(range(5)))
print(sorted({"b", "a", "c"}), sorted(set("hello")))
