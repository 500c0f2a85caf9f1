t = (1, 2, 3, 2, 1)
l = list(t)
print(t.index(2, 2), t.index(1, -1), l.index(2, -3), l.index(3, 0, 3), t.index(1, -10, 10))
for args in ((2, 4), (3, 3), (1, 1, 4)):
    try:
        print(t.index(*args))
    except ValueError as e:
        print(e)
