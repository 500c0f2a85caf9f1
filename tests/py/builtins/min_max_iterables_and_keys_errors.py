print(max("apple", "pear", key=len), min({3: "a", 1: "b"}), max(iter([1, 5, 2])), min((x for x in "zyx")), max([[1, 2], [1, 3]]))
for call in (lambda: max(), lambda: max(1), lambda: min([], key=len), lambda: max([1], [2], default=0), lambda: min(1, 2, key=None, bad=1)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
