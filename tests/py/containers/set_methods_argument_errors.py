s = {1}
for call in (lambda: s.add(), lambda: s.add(1, 2), lambda: s.remove(), lambda: s.discard([]), lambda: s.update(1), lambda: s.union(1), lambda: s.issubset(1), lambda: s.pop(1), lambda: set(1, 2), lambda: frozenset(1), lambda: s.isdisjoint()):
    try:
        call()
    except TypeError as e:
        print(e)
