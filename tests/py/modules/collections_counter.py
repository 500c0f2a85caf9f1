from collections import Counter
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6], len(c))
c.update("aaz")
print(c.most_common(1), c["z"])
c2 = Counter(a=1, b=5)
print(sorted((c - c2).items()), sorted((c & c2).items()), (c2 + Counter(b=1))["b"], c2.total())
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), repr(Counter(b=2, a=3)))
