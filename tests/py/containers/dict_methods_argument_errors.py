d = {"a": 1}
for call in (lambda: d.get(), lambda: d.get(1, 2, 3), lambda: d.pop(), lambda: d.setdefault(), lambda: d.update(1, 2), lambda: d.keys(1), lambda: dict.fromkeys(), lambda: d.popitem(1), lambda: {}.fromkeys(1, 2, 3), lambda: dict(1, 2), lambda: d.items(0)):
    try:
        call()
    except TypeError as e:
        print(e)
