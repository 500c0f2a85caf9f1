points = [(1.0, 1.0), (1.5, 2.0), (3.0, 4.0), (5.0, 7.0), (3.5, 5.0), (4.5, 5.0), (3.5, 4.5), (9.0, 9.0), (8.5, 9.5)]
def dist2(a, b):
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2
def kmeans(pts, k, iters=10):
    cents = pts[:k]
    for _ in range(iters):
        groups = [[] for _ in range(k)]
        for p in pts:
            groups[min(range(k), key=lambda i: dist2(p, cents[i]))].append(p)
        new = [(sum(x for x, _ in g) / len(g), sum(y for _, y in g) / len(g)) if g else cents[i] for i, g in enumerate(groups)]
        if new == cents:
            break
        cents = new
    return cents, groups
cents, groups = kmeans(points, 3)
print([tuple(round(v, 3) for v in c) for c in cents])
print([len(g) for g in groups], sorted(groups, key=len)[0])
