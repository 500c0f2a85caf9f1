import random, math
rng = random.Random(777)
def rf():
    return rng.choice([rng.uniform(-1e3, 1e3), rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300), float(rng.randint(-10, 10)), 0.5 * rng.randint(-9, 9)])
def digest(vals):  # no str hashes: weft's str hash differs from CPython's
    return (sum(hash(v) % 1000003 if isinstance(v, float) else len(v) for v in vals), "|".join(repr(v) for v in vals[:3]))
res = {"add": [], "mul": [], "div": [], "floordiv": [], "mod": [], "pow": [], "sqrt": [], "round2": [], "str": [], "fmt_g": [], "fmt_e": []}
for _ in range(500):
    a, b = rf(), rf()
    res["add"].append(a + b)
    res["mul"].append(a * b)
    if b:
        res["div"].append(a / b)
        res["floordiv"].append(a // b)
        res["mod"].append(a % b)
    try:
        res["pow"].append(abs(a) ** (b % 5))
    except OverflowError:
        res["pow"].append("ovf")
    res["sqrt"].append(math.sqrt(abs(a)))
    res["round2"].append(round(a, 2))
    res["str"].append(str(a))
    res["fmt_g"].append(format(a, ".6g"))
    res["fmt_e"].append("%.3e" % b)
for k, v in res.items():
    print(k, len(v), digest(v) if not isinstance(v[0], str) else "|".join(v[:4]) + " " + str(sum(len(s) for s in v)))
