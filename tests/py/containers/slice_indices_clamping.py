for s in (slice(None), slice(-100, 100), slice(5, None, -1), slice(None, -100, -1), slice(-3, -1), slice(10, 2, -3), slice(2, 8, 100)):
    print(s, s.indices(7), list(range(7))[s])
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(e)
try:
    [1][::0]
except ValueError as e:
    print(e)
