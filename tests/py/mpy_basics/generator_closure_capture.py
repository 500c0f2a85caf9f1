def make():
    res = []
    for i in range(3):
        res.append((lambda: i) for _ in range(1))
    return res
print([next(g)() for g in make()])
