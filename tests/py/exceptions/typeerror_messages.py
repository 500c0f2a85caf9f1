tests = [lambda: 1 + "a", lambda: "a" - 1, lambda: [] + {}, lambda: {} * 2, lambda: -"x", lambda: ~1.5, lambda: len(5), lambda: (lambda f: f())(5), lambda: (lambda s, i: s[i])("x", 1.0), lambda: {}[[]], lambda: int(None), lambda: iter(3), lambda: next([1]), lambda: hash([]), lambda: 1 < None, lambda: None > None, lambda: sorted([1, "a"]), lambda: "a" < [1]]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
