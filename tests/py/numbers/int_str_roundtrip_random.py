import random
rng = random.Random(99)
ok = True
samples = []
for _ in range(300):
    n = rng.getrandbits(rng.randint(1, 3000)) * rng.choice([1, -1])
    s = str(n)
    ok &= int(s) == n
    ok &= int(hex(n), 16) == n and int(oct(n), 8) == n and int(bin(n), 2) == n
    ok &= int(format(n, "x"), 16) == n
    samples.append(len(s))
print(ok, sum(samples), max(samples))
print(str(rng.getrandbits(500)), format(rng.getrandbits(200), ","))
