d = {"a": 1}
for f in (lambda: d["z"], lambda: d.pop("z"), lambda: {}.popitem(), lambda: d[[1]], lambda: {[1]: 2}, lambda: dict(5), lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: d.update(1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
