import random
rng = random.Random(12345)
def rnd():
    bits = rng.choice([3, 10, 31, 32, 33, 62, 63, 64, 65, 100, 200, 1000])
    v = rng.getrandbits(bits)
    return -v if rng.random() < 0.5 else v
ops = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
    "floordiv": lambda a, b: a // b if b else None, "mod": lambda a, b: a % b if b else None,
    "and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b,
    "lshift": lambda a, b: a << (abs(b) % 200), "rshift": lambda a, b: a >> (abs(b) % 300),
    "pow3": lambda a, b: pow(a, 3), "powmod": lambda a, b: pow(a, abs(b) % 1000, abs(b) or 1),
    "cmp": lambda a, b: (a < b) - (a > b), "neg_inv": lambda a, b: -a ^ ~b,
    "divmod": lambda a, b: divmod(a, b) if b else None, "truediv": lambda a, b: a / b if b and abs(a) < 2 ** 1000 and abs(b) < 2 ** 1000 else None,
}
def h(r):  # a digest that avoids hash(None) (address-based) and str hashes
    if r is None:
        return 7
    if isinstance(r, tuple):
        return h(r[0]) * 31 + h(r[1])
    if isinstance(r, float):
        return hash(r)
    return r % (2 ** 61 - 1)
for name, f in ops.items():
    acc = 0
    for i in range(400):
        a, b = rnd(), rnd()
        r = f(a, b)
        acc = (acc * 1000003 + h(r)) % (2 ** 61 - 1)
    print(name, acc)
