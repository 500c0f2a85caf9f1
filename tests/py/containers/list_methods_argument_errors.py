l = [1, 2]
for call in (lambda: l.append(), lambda: l.append(1, 2), lambda: l.insert(1), lambda: l.pop(1, 2), lambda: l.index(), lambda: l.count(), lambda: l.extend(), lambda: l.extend(5), lambda: l.sort(1), lambda: l.reverse(1), lambda: l.remove(), lambda: l.copy(1), lambda: l.clear(0)):
    try:
        call()
    except TypeError as e:
        print(e)
