import random
random.seed(5)
vals = [0.5, 1.5, 2.5, -0.5, -1.5, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 1e22, 1e-22, 123456.789, -987.654321, 5e-324, 1.7976931348623157e308, 0.1, 0.2, 0.3, 999.5, 9.995, 99.95, 0.0, -0.0, 1e15 + 0.5, 2.0**52 + 0.5, 4.35, 8.875, 1234567.5]
for i in range(300):
    vals.append(random.uniform(-1000, 1000))
    vals.append(random.random() * 10 ** random.randint(-30, 30))
for v in vals:
    out = []
    for nd in (None, 0, 1, 2, 3, 5, 10, 17, 20, 300, -1, -2, -3, -5, -10, -20, -308, -400, 400):
        try:
            out.append(repr(round(v, nd) if nd is not None else round(v)))
        except Exception as e:
            out.append(type(e).__name__)
    print(' '.join(out))
for v in [0, 5, 15, 25, 35, -5, -15, 12345, 10**30 + 5 * 10**10, -(10**20) - 50, True, False]:
    print([round(v, nd) for nd in (0, 2, -1, -2, -3, -11, -50)], type(round(v)).__name__)
