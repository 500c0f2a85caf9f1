import random
r = random.Random(2024)
print(r.random(), r.randint(-5, 5), r.randrange(10), r.randrange(3, 30, 3), r.choice(range(100)), r.getrandbits(70))
print(r.sample("abcdefgh", 3), r.choices(range(5), weights=[5, 1, 1, 1, 10], k=6), r.uniform(-1, 1))
l = list(range(8))
r.shuffle(l)
print(l, r.triangular(0, 10, 3), r.expovariate(2.0), r.betavariate(2, 3))
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
print(a == [r.random() for _ in range(3)], random.Random(5).random() == random.Random(5).random())
