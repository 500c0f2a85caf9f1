for r in (range(3), range(1, 4), range(0, 10, 4), range(5, 0, -2), range(0), range(-2, 2)):
    print(list(r), len(r), sum(r))
