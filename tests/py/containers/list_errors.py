l = [1, 2, 3]
for f in (lambda: l[5], lambda: [].pop(), lambda: l.pop(10), lambda: l.remove(9), lambda: l.index(9), lambda: l["a"], lambda: l + (1,), lambda: l * 1.5, lambda: [3, "a"].sort(), lambda: l.index(1, "a")):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
